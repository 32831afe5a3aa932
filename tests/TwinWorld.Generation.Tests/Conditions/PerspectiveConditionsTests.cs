using System.Numerics;
using TwinWorld.Generation.Conditions;
using TwinWorld.Simulation.Agents;
using static TwinWorld.Generation.Tests.Conditions.CoastSite;

namespace TwinWorld.Generation.Tests.Conditions;

public sealed class PerspectiveConditionsTests
{
    private readonly Simulation.Simulator _simulation = CoastSite.Simulation();

    private CameraConditions Look(Vector3 from, float yaw, float pitch) =>
        new CameraConditioner(_simulation, 64, 64).Build(Looking(_simulation, from, yaw, pitch));

    private static float Depth(CameraConditions view, int x, int y) => view.ContinuousAt(ContinuousChannel.ElevationOrDepth, x, y);

    [Fact]
    public void Looking_at_the_horizon_there_is_sky_on_top_and_ground_below_ever_further_up_the_picture()
    {
        var view = Look(new Vector3(Field, 9), yaw: 0, pitch: 0); // 6 m above the field
        Assert.True(view.Perspective);
        Assert.Equal(1f, view.Global(GlobalChannel.Perspective));
        for (int x = 0; x < 64; x += 7)
        {
            Assert.Equal(LayoutClass.Sky, view.ClassAt(x, 0));
            Assert.Equal(1f, Depth(view, x, 0));
            Assert.NotEqual(LayoutClass.Sky, view.ClassAt(x, 63));
            float below = 0;
            for (int y = 63; y >= 0 && view.ClassAt(x, y) != LayoutClass.Sky; y--)
            {
                Assert.True(Depth(view, x, y) >= below, $"column {x}: depth falls from {below} to {Depth(view, x, y)} at row {y}");
                below = Depth(view, x, y);
            }
        }
        // The bottom row is 6 m up, 30 degrees down: about 12 m away.
        Assert.Equal(12f / 500, Depth(view, 32, 63), 2);
    }

    [Fact]
    public void Looking_out_to_sea_from_the_beach_shows_water_then_sky()
    {
        var view = Look(new Vector3(68, 100, 3), yaw: MathF.PI, pitch: -0.1f);
        Assert.Equal(LayoutClass.Sky, view.ClassAt(32, 2));
        Assert.Equal(LayoutClass.WaterDeep, view.ClassAt(32, 34));
        Assert.Contains(view.ClassAt(32, 63), new[] { LayoutClass.Sand, LayoutClass.WaterShallow, LayoutClass.WaterWading });
    }

    [Fact]
    public void Houses_stand_up_out_of_the_ground()
    {
        // From the road south of the houses, looking north at them level from 1.5 m up: a level ray meets the walls.
        var view = Look(new Vector3(130, 90, 4), yaw: MathF.PI / 2, pitch: 0);
        Assert.Equal(LayoutClass.Building, view.ClassAt(32, 31));
        Assert.Equal(30f / 500, Depth(view, 32, 31), 2);
        Assert.Equal(LayoutClass.Sky, view.ClassAt(32, 0));
    }

    [Fact]
    public void A_person_in_front_of_a_first_person_camera_shows_as_a_person_at_its_distance()
    {
        _simulation.SpawnAgent(AgentKind.Firefighter, Field + new Vector2(10, 0));
        var view = Look(new Vector3(Field, 4.7f), yaw: 0, pitch: 0); // eye height above the 3 m-high field
        int x = 32, y = Enumerable.Range(0, 64).First(row => view.ClassAt(x, row) == LayoutClass.Firefighter);
        Assert.Equal(10f / 500, Depth(view, x, y), 3);
        Assert.InRange(Count(view, LayoutClass.Firefighter), 4, 200);
    }

    [Fact]
    public void A_person_behind_a_house_is_hidden()
    {
        _simulation.SpawnAgent(AgentKind.Civilian, new Vector2(130, 145));
        var view = Look(new Vector3(130, 100, 4.2f), yaw: MathF.PI / 2, pitch: 0);
        Assert.Equal(0, Count(view, LayoutClass.Resident));
    }

    [Fact]
    public void A_smoke_plume_stands_between_the_camera_and_what_lies_beyond()
    {
        _simulation.Hazards.Wind.Ambient = new Vector2(0, 8); // blowing north
        var fire = _simulation.Hazards.Fire;
        fire.Ignite(new Vector2(150, 70), 3, 0);
        fire.Advance(1, _ => Vector2.Zero, _ => false);
        // From the west, looking east across the plume that drifts north of the fire.
        var view = Look(new Vector3(100, 110, 5), yaw: 0, pitch: 0);
        Assert.Equal(LayoutClass.Smoke, view.ClassAt(32, 30));
        // Its face, where it turns half opaque, a little way into the plume (its nearest edge is 36 m off, its far one 64 m).
        Assert.InRange(Depth(view, 32, 30), 36f / 500, 64f / 500);
        Assert.True(view.ContinuousAt(ContinuousChannel.Smoke, 32, 30) >= CameraConditioner.DenseSmoke);
        Assert.True(view.Global(GlobalChannel.Fire) > 0.05f);
    }

    [Fact]
    public void A_wading_depth_flood_shows_in_perspective_too()
    {
        var terrain = _simulation.Site.Terrain;
        for (int cell = 0; cell < terrain.CellCount; cell++)
        {
            if (terrain.LandUse[cell] == Simulation.Terrain.LandUse.Road)
            {
                _simulation.Hazards.Water.SetWater(cell, 0.6f, Vector2.Zero);
            }
        }
        // Standing in the street, looking down it.
        var view = Look(new Vector3(120, 99, 3.95f), yaw: 0, pitch: -0.2f);
        Assert.Equal(LayoutClass.WaterWading, view.ClassAt(32, 50));
        Assert.Equal(0.6f / 5, view.ContinuousAt(ContinuousChannel.WaterDepth, 32, 50), 4);
    }
}
