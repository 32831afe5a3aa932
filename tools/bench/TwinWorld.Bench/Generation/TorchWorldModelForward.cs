using System.Numerics;
using BenchmarkDotNet.Attributes;
using TwinWorld.Ecs;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Models;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Torch;

namespace TwinWorld.Bench.Generation;

/// <summary>
/// The committed reference world model (tools/train/reference) on the CPU with 2 libtorch threads:
/// <see cref="Generate"/> is the whole <see cref="TorchWorldModel"/> call for a batch of cameras,
/// <see cref="Forward"/> the module alone on the same inputs, packed once; the difference is the packing and
/// unpacking outside the model (target: under 10% of the model's time), which <see cref="Pack"/> measures
/// directly. Frames per second = Batch / time.
/// </summary>
public class TorchWorldModelForward
{
    private TorchWorldModel _model = null!;
    private TorchModule _module = null!;
    private GenerationInput[] _batch = [];
    private TorchInput[] _packed = [];

    [Params(1, 8)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        TorchRuntime.Threads = 2;
        string manifest = RepositoryFiles.Path("tools/train/reference/reference-tile-256.json");
        _model = TorchWorldModel.Load(manifest);
        _module = TorchModule.Load(_model.Manifest.ModelPath);
        var (w, h, k) = (_model.Manifest.Width, _model.Manifest.Height, _model.Manifest.ContextFrames);
        _batch = [.. Enumerable.Range(0, Batch).Select(camera => Input(camera, w, h, k))];
        _packed = _model.Pack(_batch);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _model.Dispose();
        _module.Dispose();
    }

    [Benchmark]
    public int Generate() => _model.Generate(_batch).Count;

    /// <summary>The packing alone (unpacking is a copy of the same order as packing one context frame).</summary>
    [Benchmark]
    public int Pack() => _model.Pack(_batch).Length;

    [Benchmark]
    public long Forward()
    {
        using var output = _module.Forward(_packed);
        return output.ByteLength;
    }

    private static GenerationInput Input(int camera, int width, int height, int contextFrames)
    {
        int pixels = width * height;
        var layout = new byte[pixels];
        var continuous = new float[CameraConditions.ContinuousCount * pixels];
        var world = new float[CameraConditions.WorldCount * pixels];
        for (int i = 0; i < pixels; i++)
        {
            layout[i] = (byte)(((i / width / 8) + (i % width / 8) + camera) % CameraConditions.LayoutClassCount);
            continuous[i] = (i % width) / (float)width;
            world[i] = (i % width) * 0.5f; // an overhead view, half a metre a pixel
            world[pixels + i] = (height - (i / width)) * 0.5f;
        }
        var globals = new float[CameraConditions.GlobalCount];
        globals[(int)GlobalChannel.TimeOfDayCos] = 1;
        var context = Enumerable.Range(0, contextFrames).Select(_ => new RgbImage(width, height, [.. Enumerable.Range(0, 3 * pixels).Select(i => (byte)(i * 7))])).ToList();
        var conditions = new CameraConditions(new Entity(camera, 1), 1, width, height, new CameraPose(Vector3.Zero, 0, 0), false, layout, continuous, globals) { World = world };
        return new GenerationInput(conditions, context);
    }
}
