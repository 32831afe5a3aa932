using BenchmarkDotNet.Attributes;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Rendering;

namespace TwinWorld.Bench.Generation;

/// <summary>Drawing one frame with the reference renderer from a camera's conditions (the fallback's cost when a model is late).</summary>
public class ReferenceRendering
{
    private readonly ReferenceRenderer _renderer = new();
    private CameraConditions _conditions = null!;

    [Params(64, 256)]
    public int Resolution { get; set; }

    [Params("overhead", "street", "follow")]
    public string Camera { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _conditions = new CameraConditioner(FrameScene.Simulation, Resolution, Resolution).Build(FrameScene.Camera(Camera));

    [Benchmark]
    public RgbImage Render() => _renderer.Render(_conditions);
}
