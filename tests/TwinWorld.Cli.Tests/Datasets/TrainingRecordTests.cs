using System.Numerics;
using TwinWorld.Cli.Datasets;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Rendering;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Cli.Tests.Datasets;

public sealed class TrainingRecordTests
{
    [Fact]
    public void A_record_decodes_back_to_the_conditions_context_and_frame_it_was_made_from()
    {
        var site = ProceduralTown.Generate(new ProceduralTownOptions { Seed = 7, Size = 128 });
        var simulation = new Simulation.Simulator(site, new() { Seed = 7, Workers = 1 });
        simulation.Scatter(50, cell => ProceduralTown.IsLowGround(site.Terrain, cell), AgentKind.Child);
        simulation.Hazards.Wind.Ambient = new Vector2(3, -1);
        var camera = simulation.AddCamera(CameraMode.Fixed, new CameraPose(new Vector3(60, 128, 12), 0.4f, -0.2f), new CameraLens(60, 32, 24));
        var conditions = new CameraConditioner(simulation, 32, 24, startHour: 9).Build(camera);
        var renderer = new ReferenceRenderer(32, 24);
        var frame = renderer.Render(conditions);
        var earlier = renderer.Render(conditions with { Tick = 99 });
        var record = new byte[TrainingRecord.Size(32, 24, 3)];

        TrainingRecord.Encode(record, conditions, [earlier], 3, frame);
        var (decoded, context, target) = TrainingRecord.Decode(record, 32, 24, 3);

        Assert.Equal(conditions.Layout, decoded.Layout);
        Assert.Equal(conditions.Continuous, decoded.Continuous);
        Assert.Equal(conditions.World, decoded.World);
        Assert.Contains(decoded.World, v => v > 50); // metres: the world planes came through
        Assert.Equal(conditions.Globals, decoded.Globals);
        Assert.True(decoded.Perspective);
        Assert.Equal(frame.Pixels, target.Pixels);
        Assert.Equal(3, context.Length);
        Assert.All(context[..2], missing => Assert.All(missing.Pixels, b => Assert.Equal(0, b))); // the frames it did not have, oldest first
        Assert.Equal(earlier.Pixels, context[2].Pixels);
        // The planes are R, then G, then B: the first red byte is the target's first pixel's red.
        int targetAt = record.Length - (3 * 32 * 24);
        Assert.Equal((frame.Pixels[0], frame.Pixels[1], frame.Pixels[2]), (record[targetAt], record[targetAt + (32 * 24)], record[targetAt + (2 * 32 * 24)]));
    }

    [Fact]
    public void The_record_size_is_the_formats()
    {
        // 64 x 64, K = 2: layout 4,096 + continuous 6 x 16,384 + world 3 x 16,384 + globals 64 + context 24,576 + target 12,288.
        Assert.Equal(188480, TrainingRecord.Size(64, 64, 2));
        Assert.Throws<ArgumentException>(() => TrainingRecord.Decode(new byte[100], 64, 64, 2));
        Assert.Throws<ArgumentException>(() => TrainingRecord.Encode(new byte[100], Blank(), [], 2, new RgbImage(8, 8)));
    }

    private static CameraConditions Blank() => CameraConditions.Blank(default, 0, 8, 8);
}
