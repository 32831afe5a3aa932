using System.Numerics;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Rendering;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Inputs;
using static TwinWorld.Generation.Tests.Conditions.CoastSite;
using Point = TwinWorld.Protocol.V1.Point;
using StartTornado = TwinWorld.Protocol.V1.StartTornado;
using WorldCommand = TwinWorld.Protocol.V1.WorldCommand;

namespace TwinWorld.Generation.Tests.Conditions;

/// <summary>Contract 2's additions: tornadoes, debris, figures by role and health, the height and world planes.</summary>
public sealed class HazardAndFigureConditionsTests
{
    private readonly Simulation.Simulator _simulation = CoastSite.Simulation();

    /// <summary>A tornado (core radius 15 m) travelling north up the field at x = 160 m, a few ticks after touch-down at y = 40 m.</summary>
    private Vector2 Tornado()
    {
        _simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Tornado = new StartTornado { From = Point.Of(new Vector2(160, 40)), To = Point.Of(new Vector2(160, 190)), Speed = 10, MaxWind = 50, CoreRadius = 15 } }));
        for (int i = 0; i < 5; i++)
        {
            _simulation.Step();
        }
        var vortex = Assert.Single(_simulation.Hazards.Wind.Vortices);
        return vortex.Centre;
    }

    [Fact]
    public void A_tornados_vortex_shows_as_its_funnel_ringed_by_debris_from_above()
    {
        var centre = Tornado();
        var view = new CameraConditioner(_simulation, 64, 64).Build(Overhead(_simulation, centre, 120));

        Assert.Equal(LayoutClass.Funnel, ClassAt(view, centre));
        Assert.Equal(LayoutClass.DebrisCloud, ClassAt(view, centre + new Vector2(20, 0)));   // 1.33 R out
        Assert.Equal(LayoutClass.Grass, ClassAt(view, centre + new Vector2(-35, 0)));        // 2.3 R out: clear
        var (x, y) = PixelOf(view, centre);
        Assert.Equal(1f, view.ContinuousAt(ContinuousChannel.Height, x, y)); // its top, 150 m up, past the 20 m scale
        Assert.True(view.Global(GlobalChannel.Tornado) > 0.4f);
    }

    [Fact]
    public void A_tornado_stands_up_out_of_the_ground_in_perspective_funnel_above_its_debris_cloud()
    {
        var centre = Tornado();
        // 120 m west of it, at 10 m, looking east and a little up.
        var view = new CameraConditioner(_simulation, 64, 64).Build(Looking(_simulation, new Vector3(centre.X - 120, centre.Y, 14), yaw: 0, pitch: 0.25f));

        var column = Enumerable.Range(0, 64).Select(row => view.ClassAt(32, row)).ToList();
        int funnel = column.IndexOf(LayoutClass.Funnel), debris = column.IndexOf(LayoutClass.DebrisCloud);
        Assert.True(funnel >= 0 && debris >= 0, string.Join(" ", column));
        Assert.True(funnel < debris, "the funnel rises above the debris cloud");
        // It runs off the top of the frame (leaning back, south, from its travel north: to the right of the middle).
        Assert.Contains(Enumerable.Range(0, 64), col => view.ClassAt(col, 0) == LayoutClass.Funnel);
        Assert.True(CoastSite.Count(view, LayoutClass.Funnel) > 100);
        // Its pixels are dark grey in the frame, under a darkened sky.
        var frame = new ReferenceRenderer(64, 64).Render(view);
        int p = (10 * 64) + 32;
        float mean = (frame.Pixels[3 * p] + frame.Pixels[(3 * p) + 1] + frame.Pixels[(3 * p) + 2]) / 3f;
        Assert.InRange(mean, 10, 110);
    }

    [Fact]
    public void Debris_lies_beside_wrecked_houses_and_nowhere_else()
    {
        var buildings = _simulation.Hazards.Buildings;
        var terrain = _simulation.Site.Terrain;
        for (int y = 60; y < 70; y++)
        {
            buildings.Expose(terrain.Index(60, y), 70); // destroyed: the block's west wall of houses (x = 120 m)
        }
        var view = new CameraConditioner(_simulation, 64, 64).Build(Overhead(_simulation, Houses, 60));
        int debris = 0;
        for (int py = 0; py < 64; py++)
        {
            for (int px = 0; px < 64; px++)
            {
                if (view.ClassAt(px, py) == LayoutClass.Debris)
                {
                    debris++;
                    var at = view.Projection.GroundAt(px + 0.5f, py + 0.5f);
                    Assert.InRange(at.X, 116, 124); // the cells round the wrecked wall of houses (x = 120 to 122 m)
                    Assert.InRange(at.Y, 116, 142);
                    Assert.False(at.X is >= 120 and < 140 && at.Y is >= 120 and < 140, $"debris on a house at {at}");
                }
            }
        }
        Assert.True(debris > 10, $"{debris} debris pixels");
    }

    [Fact]
    public void Each_figure_shows_its_role_and_its_health_and_lies_down_when_incapacitated()
    {
        var tourist = _simulation.Profiles.Register(_simulation.Profiles[AgentKind.Civilian] with { Name = "tourist", Role = AgentRole.Tourist });
        var standing = _simulation.SpawnAgent(tourist, Field + new Vector2(10, -1));
        var hurt = _simulation.SpawnAgent(AgentKind.Civilian, Field + new Vector2(10, 1));
        var down = _simulation.SpawnAgent(AgentKind.Child, Field + new Vector2(10, 3));
        _simulation.World.Set(hurt, new Vitality(50, VitalState.Injured));
        _simulation.World.Set(down, new Vitality(5, VitalState.Incapacitated));
        Assert.Equal(AgentRole.Tourist, _simulation.World.Get<Appearance>(standing).Role);

        // At eye height, looking east at them from 10 m.
        var view = new CameraConditioner(_simulation, 128, 128).Build(Looking(_simulation, new Vector3(Field.X, Field.Y + 1, 4.7f), yaw: 0, pitch: -0.05f));
        (int Top, int Bottom, float Harm, float TopHeight) Figure(LayoutClass kind)
        {
            var rows = Enumerable.Range(0, 128).Where(row => Enumerable.Range(0, 128).Any(col => view.ClassAt(col, row) == kind)).ToList();
            Assert.True(rows.Count > 0, $"no {kind} in view");
            int col = Enumerable.Range(0, 128).First(c => view.ClassAt(c, rows[^1]) == kind);
            int topCol = Enumerable.Range(0, 128).First(c => view.ClassAt(c, rows[0]) == kind);
            return (rows[0], rows[^1], view.ContinuousAt(ContinuousChannel.Harm, col, rows[^1]), view.ContinuousAt(ContinuousChannel.Height, topCol, rows[0]) * CameraConditioner.HeightRange);
        }
        var t = Figure(LayoutClass.Tourist);
        var r = Figure(LayoutClass.Resident);
        var c = Figure(LayoutClass.Child);
        Assert.Equal((0f, 0.5f, 1f), (t.Harm, r.Harm, c.Harm));
        Assert.InRange(t.TopHeight, 1.5f, 1.75f); // the top of the head
        Assert.True(t.Bottom - t.Top > 15, $"a standing person 10 m off is {t.Bottom - t.Top} rows tall");
        Assert.True(c.Bottom - c.Top < (t.Bottom - t.Top) / 3, "lying down, the child is much lower");
        // Their feet are on the ground: the world planes put them where they stand.
        int foot = (t.Bottom * 128) + Enumerable.Range(0, 128).First(col => view.ClassAt(col, t.Bottom) == LayoutClass.Tourist);
        Assert.Equal(Field.X + 10, view.World[foot], 0.5f);
        Assert.InRange(view.World[(2 * 128 * 128) + foot] - _simulation.Site.Terrain.ElevationAt(Field + new Vector2(10, -1)), -0.05f, 0.2f);
    }

    [Fact]
    public void The_world_planes_hold_each_pixels_point_overhead_and_in_perspective()
    {
        var overhead = new CameraConditioner(_simulation, 64, 64).Build(Overhead(_simulation, Field, 60, yaw: 0.4f));
        for (int y = 0; y < 64; y += 9)
        {
            for (int x = 0; x < 64; x += 9)
            {
                var at = overhead.Projection.GroundAt(x + 0.5f, y + 0.5f);
                Assert.Equal(at.X, overhead.World[(y * 64) + x], 0.01f);
                Assert.Equal(at.Y, overhead.World[(64 * 64) + (y * 64) + x], 0.01f);
            }
        }
        var perspective = new CameraConditioner(_simulation, 64, 64).Build(Looking(_simulation, new Vector3(100, 60, 8), 0.2f, -0.2f));
        for (int p = 0; p < 64 * 64; p += 37)
        {
            var point = new Vector3(perspective.World[p], perspective.World[(64 * 64) + p], perspective.World[(2 * 64 * 64) + p]);
            if (perspective.Layout[p] == (byte)LayoutClass.Sky)
            {
                Assert.Equal(Vector3.Zero, point);
                continue;
            }
            float distance = perspective.Continuous[p] * CameraConditioner.DepthRange;
            Assert.Equal(distance, Vector3.Distance(point, new Vector3(100, 60, 8)), distance * 0.01f + 0.05f);
        }
    }

    [Fact]
    public void A_fire_scene_has_flame_coloured_pixels_where_the_layout_says_fire_and_a_glow_round_them()
    {
        var fire = _simulation.Hazards.Fire;
        fire.Ignite(Field, 6, 0);
        fire.Advance(1, _ => Vector2.Zero, _ => false);
        var view = new CameraConditioner(_simulation, 64, 64).Build(Overhead(_simulation, Field, 60));
        var frame = new ReferenceRenderer(64, 64).Render(view);
        int fires = 0, flames = 0;
        var (cx, cy) = PixelOf(view, Field);
        for (int p = 0; p < 64 * 64; p++)
        {
            byte r = frame.Pixels[3 * p], g = frame.Pixels[(3 * p) + 1], b = frame.Pixels[(3 * p) + 2];
            if (view.Layout[p] == (byte)LayoutClass.Fire)
            {
                fires++;
                flames += r > 200 && r > g && g > b + 20 ? 1 : 0; // red, orange or yellow: red over green over blue
            }
        }
        Assert.True(fires > 20, $"{fires} fire pixels");
        Assert.True(flames > fires * 0.9, $"{flames} of {fires} fire pixels are flame-coloured");
        // Grass just outside the fire glows warmer than grass far from it.
        int near = ((cy) * 64) + Math.Min(63, cx + 9), far = (2 * 64) + 2;
        Assert.Equal(LayoutClass.Grass, (LayoutClass)view.Layout[near]);
        Assert.True(frame.Pixels[3 * near] > frame.Pixels[3 * far] + 15, $"red near the fire {frame.Pixels[3 * near]}, far {frame.Pixels[3 * far]}");
    }

    [Fact]
    public void The_same_hazardous_state_always_gives_the_same_bytes()
    {
        var centre = Tornado();
        _simulation.Hazards.Fire.Ignite(Field, 4, 0);
        _simulation.Hazards.Fire.Advance(1, _ => Vector2.Zero, _ => false);
        _simulation.SpawnAgent(AgentKind.Firefighter, Field + new Vector2(8, 0));
        foreach (var camera in new[] { Overhead(_simulation, centre, 200), Looking(_simulation, new Vector3(centre.X - 100, centre.Y, 10), 0, 0.1f) })
        {
            var a = new CameraConditioner(_simulation, 96, 96).Build(camera);
            var b = new CameraConditioner(_simulation, 96, 96).Build(camera);
            Assert.Equal(a.Layout, b.Layout);
            Assert.Equal(a.Continuous, b.Continuous);
            Assert.Equal(a.World, b.World);
            Assert.Equal(new ReferenceRenderer(96, 96).Render(a).Pixels, new ReferenceRenderer(96, 96).Render(b).Pixels);
        }
    }
}
