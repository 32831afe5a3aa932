using BenchmarkDotNet.Attributes;
using TwinWorld.Generation.Conditions;

namespace TwinWorld.Bench.Generation;

/// <summary>
/// Building one camera's conditions (layout, continuous channels, globals) from the live town at the model's
/// resolution, as the tick thread does for each camera that is due. The smoke and the ray-skipping blocks are
/// worked out once a tick for all cameras; <see cref="ConditioningTickRefresh"/> measures that share.
/// </summary>
public class CameraConditioning
{
    private CameraConditioner _conditioner = null!;
    private TwinWorld.Ecs.Entity _camera;

    [Params(64, 256)]
    public int Resolution { get; set; }

    [Params("overhead", "street", "follow")]
    public string Camera { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _conditioner = new CameraConditioner(FrameScene.Simulation, Resolution, Resolution);
        _camera = FrameScene.Camera(Camera);
    }

    [Benchmark]
    public CameraConditions Condition() => _conditioner.Build(_camera);
}
