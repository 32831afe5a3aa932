using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Models;
using TwinWorld.Generation.Rendering;
using TwinWorld.Generation.Tests.Conditions;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Generation.Tests.Rendering;

public sealed class ReferenceRendererTests
{
    private readonly ReferenceRenderer _renderer = new(64, 64);

    /// <summary>Conditions built by hand: one class everywhere, at an hour of the day, with a water depth, fire intensity, height, smoke and harm.</summary>
    private static CameraConditions Uniform(LayoutClass kind, int width = 16, int height = 16, float hour = 12, float water = 0, float fire = 0, long tick = 0,
        float metres = 0, float smoke = 0, float harm = 0)
    {
        int n = width * height;
        var continuous = new float[CameraConditions.ContinuousCount * n];
        Array.Fill(continuous, 0.2f, 0, n);
        Array.Fill(continuous, water, n, n);
        Array.Fill(continuous, fire, 2 * n, n);
        Array.Fill(continuous, metres / CameraConditioner.HeightRange, 3 * n, n);
        Array.Fill(continuous, smoke, 4 * n, n);
        Array.Fill(continuous, harm, 5 * n, n);
        var globals = new float[CameraConditions.GlobalCount];
        globals[(int)GlobalChannel.TimeOfDaySin] = MathF.Sin(MathF.Tau * hour / 24);
        globals[(int)GlobalChannel.TimeOfDayCos] = MathF.Cos(MathF.Tau * hour / 24);
        var layout = new byte[n];
        Array.Fill(layout, (byte)kind);
        return new CameraConditions(Entity.Null, tick, width, height, default, false, layout, continuous, globals);
    }

    private static Vector3 Mean(RgbImage image)
    {
        var sum = Vector3.Zero;
        for (int i = 0; i < image.Pixels.Length; i += 3)
        {
            sum += new Vector3(image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]);
        }
        return sum / (image.Pixels.Length / 3);
    }

    private static float Luminance(Vector3 c) => (0.2126f * c.X) + (0.7152f * c.Y) + (0.0722f * c.Z);

    private static float Brightness(RgbImage image) => Luminance(Mean(image));

    [Fact]
    public void The_same_conditions_always_give_the_same_bytes()
    {
        var simulation = CoastSite.Simulation();
        simulation.Hazards.Fire.Ignite(CoastSite.Field, 4, 0);
        simulation.Hazards.Fire.Advance(1, _ => Vector2.Zero, _ => false);
        simulation.SpawnAgent(AgentKind.Child, CoastSite.Field + new Vector2(8, 0));
        var conditioner = new CameraConditioner(simulation, 64, 64);
        foreach (var camera in new[] { CoastSite.Overhead(simulation, CoastSite.Field, 60), CoastSite.Looking(simulation, new Vector3(110, 60, 8), 0, -0.1f) })
        {
            var conditions = conditioner.Build(camera);
            Assert.Equal(_renderer.Render(conditions).Pixels, new ReferenceRenderer(64, 64).Render(conditions).Pixels);
        }
    }

    public static TheoryData<LayoutClass> EveryClass => [.. Enum.GetValues<LayoutClass>()];

    [Theory]
    [MemberData(nameof(EveryClass))]
    public void Each_class_renders_in_its_colour_family(LayoutClass kind)
    {
        var c = Mean(_renderer.Render(Uniform(kind, fire: kind == LayoutClass.Fire ? 1 : 0)));
        float spread = MathF.Max(c.X, MathF.Max(c.Y, c.Z)) - MathF.Min(c.X, MathF.Min(c.Y, c.Z));
        float mean = (c.X + c.Y + c.Z) / 3;
        string colour = $"{kind} came out {c}";
        Assert.True(kind switch
        {
            LayoutClass.Sky => c.Z > c.X && c.Z >= c.Y && mean > 120,
            LayoutClass.Sand => c.X > c.Z + 40 && c.Y > c.Z && mean > 140,
            LayoutClass.Grass => c.Y > c.X && c.Y > c.Z,
            LayoutClass.Shrub => c.Y >= c.X && c.X > c.Z + 20,
            LayoutClass.Forest => c.Y > c.X + 20 && c.Y > c.Z + 20 && mean < 80,
            LayoutClass.Rock => spread < 20 && mean is > 90 and < 160,
            LayoutClass.Road => spread < 20 && mean < 90,
            LayoutClass.Plaza => spread < 25 && mean > 140,
            LayoutClass.Building or LayoutClass.DamagedBuilding => c.X > c.Y && c.Y >= c.Z,
            LayoutClass.WaterShallow or LayoutClass.WaterWading or LayoutClass.WaterDeep => c.Z > c.X + 20,
            LayoutClass.Fire => c.X > 200 && c.X > c.Y && c.Y > c.Z,
            LayoutClass.Burnt => mean < 60,
            LayoutClass.Smoke => spread < 15 && mean is > 60 and < 200,
            // People by role (the key colours of protocol/world-model.md), none of them the fire's reds and oranges.
            LayoutClass.Resident => c.Z > 180 && c.X < 90 && c.Y < 140,                  // blue
            LayoutClass.Child => c.X > 200 && c.Z > 150 && c.Y < 140,                     // pink
            LayoutClass.Elderly => c.Z > 180 && c.X is > 120 and < 190 && c.Y < 120,      // violet
            LayoutClass.Vehicle => spread < 40 && mean > 150,                              // silver
            LayoutClass.Firefighter => c.Y > 200 && c.X > 150 && c.Z < 80,                // high-visibility lime
            LayoutClass.Tourist => c.Y > 170 && c.Z > 170 && c.X < 80,                    // turquoise
            LayoutClass.Guard => spread < 20 && mean > 200,                                // white
            LayoutClass.Funnel => spread < 30 && mean < 110,                               // dark grey
            LayoutClass.DebrisCloud or LayoutClass.Debris => c.X > c.Z + 20 && mean is > 50 and < 150, // dusty brown
            _ => false,
        }, colour);
    }

    [Fact]
    public void The_seven_figure_kinds_are_told_apart_even_a_pixel_each_and_harm_shows_as_the_maps_amber_and_red()
    {
        LayoutClass[] figures = [LayoutClass.Resident, LayoutClass.Child, LayoutClass.Elderly, LayoutClass.Vehicle, LayoutClass.Firefighter, LayoutClass.Tourist, LayoutClass.Guard];
        var colours = figures.Select(kind => Mean(_renderer.Render(Uniform(kind, 1, 1)))).ToList();
        for (int i = 0; i < colours.Count; i++)
        {
            for (int j = i + 1; j < colours.Count; j++)
            {
                Assert.True(Vector3.Distance(colours[i], colours[j]) > 60, $"{figures[i]} {colours[i]} and {figures[j]} {colours[j]} look alike");
            }
        }
        foreach (var kind in figures.Where(k => k != LayoutClass.Vehicle))
        {
            var injured = Mean(_renderer.Render(Uniform(kind, 1, 1, harm: CameraConditioner.Injured)));
            var down = Mean(_renderer.Render(Uniform(kind, 1, 1, harm: CameraConditioner.Incapacitated)));
            Assert.True(Vector3.Distance(injured, new Vector3(0xF0, 0xB0, 0x30)) < 40, $"injured {kind}: {injured}");
            Assert.True(Vector3.Distance(down, new Vector3(0xD0, 0x20, 0x20)) < 40, $"incapacitated {kind}: {down}");
        }
    }

    [Fact]
    public void Thin_smoke_veils_what_is_under_it_and_thicker_smoke_hides_more()
    {
        var grass = Mean(_renderer.Render(Uniform(LayoutClass.Grass)));
        var thin = Mean(_renderer.Render(Uniform(LayoutClass.Grass, smoke: 0.3f)));
        var thick = Mean(_renderer.Render(Uniform(LayoutClass.Grass, smoke: 0.75f)));
        float Green(Vector3 c) => c.Y - ((c.X + c.Z) / 2);
        Assert.True(Green(grass) > Green(thin) && Green(thin) > Green(thick) && Green(thin) > 5, $"grass {grass}, under thin smoke {thin}, under thick smoke {thick}");
    }

    [Fact]
    public void Damaged_buildings_are_darker_than_whole_ones()
    {
        Assert.True(Brightness(_renderer.Render(Uniform(LayoutClass.DamagedBuilding))) < 0.7f * Brightness(_renderer.Render(Uniform(LayoutClass.Building))));
    }

    [Fact]
    public void Water_gets_darker_with_depth()
    {
        float[] depths = [0.02f, 0.1f, 0.3f, 0.6f, 1f];
        var brightness = depths.Select(d => Brightness(_renderer.Render(Uniform(d < 0.06f ? LayoutClass.WaterShallow : d < 0.3f ? LayoutClass.WaterWading : LayoutClass.WaterDeep, water: d)))).ToList();
        for (int i = 1; i < brightness.Count; i++)
        {
            Assert.True(brightness[i] < brightness[i - 1], $"depth {depths[i]}: {brightness[i]} is not darker than {brightness[i - 1]} at {depths[i - 1]}");
        }
    }

    [Fact]
    public void Shallow_water_foams_where_it_meets_the_land()
    {
        var conditions = Uniform(LayoutClass.WaterShallow, 32, 32, water: 0.04f);
        for (int y = 0; y < 32; y++)
        {
            Array.Fill(conditions.Layout, (byte)LayoutClass.Sand, y * 32, 8); // a beach down the left side
        }
        var frame = _renderer.Render(conditions);
        float Column(int x) => Enumerable.Range(0, 32).Average(y => Luminance(new Vector3(frame.Row(y)[3 * x], frame.Row(y)[(3 * x) + 1], frame.Row(y)[(3 * x) + 2])));
        Assert.True(Column(8) > Column(20) + 20, $"the water's edge ({Column(8)}) should be whiter than open water ({Column(20)})");
    }

    [Fact]
    public void The_day_is_brighter_than_dawn_and_dawn_than_night_but_fire_glows_at_night()
    {
        float noon = Brightness(_renderer.Render(Uniform(LayoutClass.Grass, hour: 12)));
        float dawn = Brightness(_renderer.Render(Uniform(LayoutClass.Grass, hour: 6.5f)));
        float midnight = Brightness(_renderer.Render(Uniform(LayoutClass.Grass, hour: 0)));
        Assert.True(noon > dawn && dawn > midnight * 2, $"noon {noon}, dawn {dawn}, midnight {midnight}");
        Assert.True(Mean(_renderer.Render(Uniform(LayoutClass.Fire, hour: 0, fire: 1))).X > 200);
        Assert.True(Brightness(_renderer.Render(Uniform(LayoutClass.Sky, hour: 0))) < 40);
    }

    [Fact]
    public void Fire_flickers_from_tick_to_tick_and_grass_stays_as_it_is()
    {
        Assert.NotEqual(_renderer.Render(Uniform(LayoutClass.Fire, fire: 1, tick: 0)).Pixels, _renderer.Render(Uniform(LayoutClass.Fire, fire: 1, tick: 7)).Pixels);
        Assert.Equal(_renderer.Render(Uniform(LayoutClass.Grass, tick: 0)).Pixels, _renderer.Render(Uniform(LayoutClass.Grass, tick: 7)).Pixels);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(17, 9)]
    [InlineData(64, 64)]
    [InlineData(256, 144)]
    public void It_renders_at_whatever_resolution_the_conditions_have(int width, int height)
    {
        var simulation = CoastSite.Simulation();
        var camera = simulation.AddCamera(CameraMode.Free, new CameraPose(new Vector3(110, 60, 8), 0, -0.1f), new CameraLens(60, 64, 64));
        var frame = _renderer.Render(new CameraConditioner(simulation, width, height).Build(camera));
        Assert.Equal((width, height, width * height * 3), (frame.Width, frame.Height, frame.Pixels.Length));
        var hand = _renderer.Render(Uniform(LayoutClass.Road, width, height));
        Assert.Equal((width, height), (hand.Width, hand.Height));
    }

    [Fact]
    public void Ground_textures_stay_put_when_an_overhead_camera_moves()
    {
        var simulation = CoastSite.Simulation();
        var conditioner = new CameraConditioner(simulation, 64, 64);
        var at = new Vector2(170, 140); // grass
        var first = conditioner.Build(CoastSite.Overhead(simulation, at, 13));
        float shift = 8 * first.Projection.MetresPerPixel;
        var second = conditioner.Build(CoastSite.Overhead(simulation, at + new Vector2(shift, 0), 13));
        var a = _renderer.Render(first);
        var b = _renderer.Render(second);
        int same = 0, unmoved = 0, total = 0;
        for (int y = 0; y < 64; y++)
        {
            for (int x = 0; x + 8 < 64; x++, total++)
            {
                same += Close(a.Row(y).Slice(3 * (x + 8), 3), b.Row(y).Slice(3 * x, 3)) ? 1 : 0;
                unmoved += Close(a.Row(y).Slice(3 * x, 3), b.Row(y).Slice(3 * x, 3)) ? 1 : 0;
            }
        }
        Assert.True(same > total * 0.97, $"{same} of {total} pixels moved with the ground");
        Assert.True(unmoved < total * 0.5, $"{unmoved} of {total} pixels stayed where they were on screen: the texture is too plain to tell");

        static bool Close(Span<byte> p, Span<byte> q) => Math.Abs(p[0] - q[0]) <= 2 && Math.Abs(p[1] - q[1]) <= 2 && Math.Abs(p[2] - q[2]) <= 2;
    }

    [Fact]
    public void A_batch_gives_one_frame_per_input_in_order()
    {
        using var renderer = new ReferenceRenderer(32, 16, contextFrames: 2);
        Assert.Equal((32, 16, 2), (renderer.Manifest.Width, renderer.Manifest.Height, renderer.Manifest.ContextFrames));
        var frames = renderer.Generate([new GenerationInput(Uniform(LayoutClass.Grass, 32, 16), []), new GenerationInput(Uniform(LayoutClass.Fire, 8, 4, fire: 1), [])]);
        Assert.Equal([(32, 16), (8, 4)], frames.Select(f => (f.Width, f.Height)));
        Assert.True(Mean(frames[1]).X > 200);
    }

    [Fact]
    public void Conditions_whose_arrays_do_not_match_their_size_are_refused()
    {
        var good = Uniform(LayoutClass.Grass);
        var bad = good with { Layout = new byte[10] };
        Assert.Contains("need 256 layout", Assert.Throws<ArgumentException>(() => _renderer.Render(bad)).Message);
        var contract1 = good with { Continuous = new float[3 * 256] };
        Assert.Contains("1536 continuous", Assert.Throws<ArgumentException>(() => _renderer.Render(contract1)).Message);
    }

    [Fact]
    public void The_renderer_makes_256_x_256_frames_unless_told_otherwise()
    {
        using var renderer = new ReferenceRenderer();
        Assert.Equal((256, 256), (renderer.Manifest.Width, renderer.Manifest.Height));
        Assert.Equal(ModelManifest.Contract, "twinworld.world-model/2");
        Assert.True(renderer.Manifest.Takes("world"));
    }
}
