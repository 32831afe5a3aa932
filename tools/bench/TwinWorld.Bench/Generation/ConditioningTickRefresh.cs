using BenchmarkDotNet.Attributes;
using TwinWorld.Generation.Conditions;

namespace TwinWorld.Bench.Generation;

/// <summary>
/// What the first camera conditioned after a tick pays for all of them: the smoke plumes of the burning cells,
/// and the highest surface in each 16 m block (water included) that perspective rays skip over.
/// </summary>
public class ConditioningTickRefresh
{
    private SmokeField _smoke = null!;
    private SurfaceBlocks _blocks = null!;
    private long _tick;

    [GlobalSetup]
    public void Setup()
    {
        var simulation = FrameScene.Simulation;
        _smoke = new SmokeField(simulation.Site.Terrain);
        _blocks = new SurfaceBlocks(new SceneCells(simulation.Site.Terrain, simulation.Hazards));
    }

    [Benchmark]
    public bool Refresh()
    {
        var hazards = FrameScene.Simulation.Hazards;
        _tick++;
        _smoke.Refresh(_tick, hazards.Fire, hazards.Wind);
        _blocks.Refresh(_tick, _smoke, hazards.Fire);
        return _smoke.Any;
    }
}
