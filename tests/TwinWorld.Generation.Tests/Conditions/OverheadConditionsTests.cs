using System.Numerics;
using TwinWorld.Generation.Conditions;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Simulation.Terrain;
using static TwinWorld.Generation.Tests.Conditions.CoastSite;

namespace TwinWorld.Generation.Tests.Conditions;

public sealed class OverheadConditionsTests
{
    private readonly Simulation.Simulator _simulation = CoastSite.Simulation();

    private CameraConditions Look(Vector2 over, float height, float yaw = MathF.PI / 2) =>
        new CameraConditioner(_simulation, 64, 64).Build(Overhead(_simulation, over, height, yaw));

    [Fact]
    public void A_camera_over_the_sea_sees_deep_water_all_over()
    {
        var view = Look(Sea, 40);
        Assert.False(view.Perspective);
        Assert.Equal(64 * 64, Count(view, LayoutClass.WaterDeep));
        // The sea's surface is at 0 m: (0 + 20) / 120; its depth there is 6.5 m, more than the 5 m scale.
        Assert.Equal(20f / 120, view.ContinuousAt(ContinuousChannel.ElevationOrDepth, 32, 32), 3);
        Assert.Equal(1f, view.ContinuousAt(ContinuousChannel.WaterDepth, 32, 32));
        Assert.Equal(0f, view.Global(GlobalChannel.Tsunami));
    }

    [Fact]
    public void The_footprint_follows_the_height_and_the_field_of_view()
    {
        var view = Look(Field, 53);
        // 50 m above the 3 m-high field: 2 x 50 m x tan(30 degrees) = 57.7 m top to bottom, over 64 pixels.
        Assert.Equal(2 * 50 * MathF.Tan(MathF.PI / 6) / 64, view.Projection.MetresPerPixel, 4);
        var centre = view.Projection.GroundAt(32, 32);
        Assert.Equal(Field.X, centre.X, 3);
        Assert.Equal(Field.Y, centre.Y, 3);
    }

    [Fact]
    public void Every_pixel_of_a_view_over_the_procedural_town_shows_the_land_use_under_it()
    {
        var site = ProceduralTown.Generate(new ProceduralTownOptions { Seed = 7, Size = 256 });
        var simulation = new Simulation.Simulator(site, new() { Seed = 7, Workers = 1 });
        var terrain = site.Terrain;
        var houses = Enumerable.Range(0, terrain.CellCount).Where(c => terrain.LandUse[c] == LandUse.Building).Select(terrain.CellCentre).ToList();
        var town = houses.Aggregate(Vector2.Zero, (sum, at) => sum + at) / houses.Count;
        var camera = Overhead(simulation, town, 100, yaw: 0.3f);
        var view = new CameraConditioner(simulation, 64, 64).Build(camera);
        int buildings = 0, roads = 0;
        for (int y = 0; y < 64; y++)
        {
            for (int x = 0; x < 64; x++)
            {
                var use = terrain.LandUse[terrain.IndexAt(view.Projection.GroundAt(x + 0.5f, y + 0.5f))];
                var shown = view.ClassAt(x, y);
                Assert.Equal(use == LandUse.Building, shown == LayoutClass.Building);
                Assert.Equal(use == LandUse.Road, shown == LayoutClass.Road);
                buildings += use == LandUse.Building ? 1 : 0;
                roads += use == LandUse.Road ? 1 : 0;
            }
        }
        Assert.True(buildings > 200 && roads > 200, $"the view should be over the town: {buildings} building and {roads} road pixels");
    }

    [Fact]
    public void Roads_houses_and_the_other_covers_show_where_they_are()
    {
        var view = Look(new Vector2(100, 100), 180);
        Assert.Equal(LayoutClass.Road, ClassAt(view, Road));
        Assert.Equal(LayoutClass.Building, ClassAt(view, Houses));
        Assert.Equal(LayoutClass.Grass, ClassAt(view, Field));
        Assert.Equal(LayoutClass.Sand, ClassAt(view, new Vector2(65, 100)));
        Assert.Equal(LayoutClass.Plaza, ClassAt(view, new Vector2(86, 46)));
        Assert.Equal(LayoutClass.Forest, ClassAt(view, new Vector2(190, 20)));
        Assert.Equal(LayoutClass.Rock, ClassAt(view, new Vector2(186, 166)));
    }

    [Theory]
    [InlineData(MathF.PI / 2, "left")] // up is north: the sea (west) is on the left
    [InlineData(0f, "bottom")] // up is east: west is at the bottom
    [InlineData(MathF.PI, "top")] // up is west
    [InlineData(-MathF.PI / 2, "right")] // up is south: west is on the right
    public void The_yaw_turns_the_picture(float yaw, string seaSide)
    {
        // Over the beach: the west half of the footprint is sea, the east half land.
        var view = Look(new Vector2(60, 100), 40, yaw);
        bool Wet(int x, int y) => view.ClassAt(x, y) is LayoutClass.WaterDeep or LayoutClass.WaterWading or LayoutClass.WaterShallow;
        var (seaX, seaY, landX, landY) = seaSide switch
        {
            "left" => (4, 32, 60, 32),
            "right" => (60, 32, 4, 32),
            "top" => (32, 4, 32, 60),
            _ => (32, 60, 32, 4),
        };
        Assert.True(Wet(seaX, seaY), $"sea expected at ({seaX}, {seaY})");
        Assert.False(Wet(landX, landY), $"land expected at ({landX}, {landY})");
    }

    [Fact]
    public void A_quarter_turn_of_yaw_is_a_quarter_turn_of_the_picture()
    {
        var north = Look(new Vector2(120, 110), 90, MathF.PI / 2);
        var east = Look(new Vector2(120, 110), 90, 0);
        int same = 0;
        for (int y = 0; y < 64; y++)
        {
            for (int x = 0; x < 64; x++)
            {
                // Facing east, what is up on screen was on the right facing north.
                same += east.ClassAt(x, y) == north.ClassAt(63 - y, x) ? 1 : 0;
            }
        }
        Assert.True(same >= 64 * 64 * 0.98, $"{same} of {64 * 64} pixels agree");
    }

    [Fact]
    public void A_burning_cell_shows_as_fire_at_full_intensity()
    {
        var fire = _simulation.Hazards.Fire;
        fire.Ignite(Field, 3, 0);
        fire.Advance(1, _ => Vector2.Zero, _ => false);
        var view = Look(Field, 40);
        Assert.Equal(LayoutClass.Fire, ClassAt(view, Field));
        var (x, y) = PixelOf(view, Field);
        Assert.Equal(1f, view.ContinuousAt(ContinuousChannel.FireIntensity, x, y));
        Assert.InRange(view.Global(GlobalChannel.Fire), 0.001f, 0.2f);
        Assert.Equal(0, Count(view, LayoutClass.Smoke)); // calm air carries no plume
    }

    [Fact]
    public void A_burned_out_cell_is_burnt_ground_whose_fire_intensity_fades_over_a_minute()
    {
        var fire = _simulation.Hazards.Fire;
        fire.Ignite(Field, 0, 0);
        int cell = _simulation.Site.Terrain.IndexAt(Field);
        float residence = fire.Behaviour(_simulation.Site.Terrain.Fuel[cell])!.ResidenceTime;
        fire.Advance(residence + 30, _ => Vector2.Zero, c => c != cell); // nothing else catches
        var view = Look(Field, 40);
        Assert.Equal(LayoutClass.Burnt, ClassAt(view, Field));
        var (x, y) = PixelOf(view, Field);
        Assert.Equal(0.5f, view.ContinuousAt(ContinuousChannel.FireIntensity, x, y), 2);
    }

    [Fact]
    public void Smoke_drifts_downwind_of_the_fire_and_thins_out()
    {
        _simulation.Hazards.Wind.Ambient = new Vector2(6, 0); // blowing east: a plume 20 s x 6 m/s = 120 m long
        var fire = _simulation.Hazards.Fire;
        fire.Ignite(new Vector2(100, 70), 2, 0);
        fire.Advance(1, _ => Vector2.Zero, _ => false);
        var view = Look(new Vector2(140, 70), 200);
        float Smoke(Vector2 at)
        {
            var (x, y) = PixelOf(view, at);
            return view.ContinuousAt(ContinuousChannel.Smoke, x, y);
        }
        Assert.Equal(LayoutClass.Smoke, ClassAt(view, new Vector2(124, 70)));
        Assert.True(Smoke(new Vector2(124, 70)) > Smoke(new Vector2(160, 70)) && Smoke(new Vector2(160, 70)) > Smoke(new Vector2(200, 70)),
            $"thinning along the plume: {Smoke(new Vector2(124, 70))}, {Smoke(new Vector2(160, 70))}, {Smoke(new Vector2(200, 70))}");
        Assert.True(Smoke(new Vector2(200, 70)) > 0.05f);
        Assert.NotEqual(LayoutClass.Smoke, ClassAt(view, new Vector2(190, 70))); // thin there: the ground shows through
        Assert.Equal(0f, Smoke(new Vector2(60, 70))); // upwind
        Assert.Equal(0f, Smoke(new Vector2(140, 110))); // off to the side
        Assert.Equal(0f, Smoke(new Vector2(240, 70))); // past the plume's end
        Assert.True(view.Global(GlobalChannel.Fire) > 0.01f);
    }

    [Theory]
    [InlineData(0.1f, LayoutClass.WaterShallow)]
    [InlineData(0.8f, LayoutClass.WaterWading)]
    [InlineData(2.0f, LayoutClass.WaterDeep)]
    public void A_flooded_street_shows_as_water_of_its_depth_band(float depth, LayoutClass band)
    {
        var terrain = _simulation.Site.Terrain;
        for (int x = 60; x < 100; x++) // the street east of 120 m
        {
            for (int y = 48; y <= 50; y++)
            {
                _simulation.Hazards.Water.SetWater(terrain.Index(x, y), depth, Vector2.Zero);
            }
        }
        var view = Look(new Vector2(131, 99), 40);
        Assert.Equal(band, ClassAt(view, Road));
        Assert.Equal(LayoutClass.Road, ClassAt(view, new Vector2(111, 99))); // a dry part of the street
        var (px, py) = PixelOf(view, Road);
        Assert.Equal(depth / 5, view.ContinuousAt(ContinuousChannel.WaterDepth, px, py), 4);
        Assert.Equal(depth / 5, view.Global(GlobalChannel.Tsunami), 4);
    }

    [Fact]
    public void Buildings_with_moderate_damage_or_worse_show_as_damaged()
    {
        var terrain = _simulation.Site.Terrain;
        var buildings = _simulation.Hazards.Buildings;
        buildings.Expose(terrain.IndexAt(Houses), 50); // moderate
        buildings.Expose(terrain.IndexAt(Houses + new Vector2(6, 6)), 40); // minor: roof covering only
        var view = Look(Houses, 30);
        Assert.Equal(LayoutClass.DamagedBuilding, ClassAt(view, Houses));
        Assert.Equal(LayoutClass.Building, ClassAt(view, Houses + new Vector2(6, 6)));
    }

    [Theory]
    [InlineData(AgentKind.Civilian, LayoutClass.Resident)]
    [InlineData(AgentKind.Child, LayoutClass.Child)]
    [InlineData(AgentKind.Elderly, LayoutClass.Elderly)]
    [InlineData(AgentKind.Vehicle, LayoutClass.Vehicle)]
    [InlineData(AgentKind.Firefighter, LayoutClass.Firefighter)]
    public void An_agent_shows_as_its_kind_even_from_high_up(AgentKind kind, LayoutClass shown)
    {
        var at = Field + new Vector2(0.3f, -0.2f);
        _simulation.SpawnAgent(kind, at);
        foreach (float height in new[] { 20f, 400f }) // 0.4 m and 7 m a pixel
        {
            var view = Look(Field, height);
            Assert.Equal(shown, ClassAt(view, at));
            Assert.InRange(Count(view, shown), 1, kind == AgentKind.Vehicle && height < 100 ? 100 : 4); // a car is 4.4 x 1.8 m
        }
    }

    [Fact]
    public void Agents_under_thick_smoke_are_hidden_and_under_thin_smoke_show_through_it()
    {
        _simulation.Hazards.Wind.Ambient = new Vector2(6, 0);
        var fire = _simulation.Hazards.Fire;
        fire.Ignite(new Vector2(100, 70), 2, 0);
        fire.Advance(1, _ => Vector2.Zero, _ => false);
        _simulation.SpawnAgent(AgentKind.Civilian, new Vector2(124, 70)); // under the plume's thick part
        _simulation.SpawnAgent(AgentKind.Child, new Vector2(195, 70));    // near its thin end
        var view = Look(new Vector2(140, 70), 200);
        Assert.Equal(0, Count(view, LayoutClass.Resident));
        Assert.Equal(LayoutClass.Child, ClassAt(view, new Vector2(195, 70)));
        var (x, y) = PixelOf(view, new Vector2(195, 70));
        Assert.InRange(view.ContinuousAt(ContinuousChannel.Smoke, x, y), 0.01f, CameraConditioner.DenseSmoke);
    }

    [Fact]
    public void A_fixed_camera_looking_straight_down_is_drawn_overhead()
    {
        var down = _simulation.AddCamera(CameraMode.Fixed, new CameraPose(new Vector3(Field, 50), 1, -MathF.PI / 2), new CameraLens(60, 64, 64));
        var slanted = _simulation.AddCamera(CameraMode.Fixed, new CameraPose(new Vector3(Field, 50), 1, -MathF.PI / 4), new CameraLens(60, 64, 64));
        var conditioner = new CameraConditioner(_simulation, 64, 64);
        Assert.False(conditioner.Build(down).Perspective);
        Assert.True(conditioner.Build(slanted).Perspective);
        Assert.Equal(0f, conditioner.Build(down).Global(GlobalChannel.Perspective));
    }
}
