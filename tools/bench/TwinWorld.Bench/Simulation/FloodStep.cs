using BenchmarkDotNet.Attributes;
using TwinWorld.Bench.Scenarios;
using TwinWorld.Scenarios.Running;
using TwinWorld.Simulation;

namespace TwinWorld.Bench.Simulation;

/// <summary>
/// The flood's share of a tick on the shipped coastal tsunami at its widest (16 minutes in, 45 ha of
/// the town under water, 5,000 agents), on 2 workers, with the water on 4 m cells (the default) or on
/// the terrain's own 2 m: the water system (the Courant sub-steps of the solver, then the flood maps
/// over the wet land) and the danger system (flood danger per wet land cell). Each iteration restores
/// the same state and runs 20 ticks of the system, so every iteration times the same work.
/// </summary>
[InvocationCount(Ticks)]
public class FloodStep
{
    private const int Ticks = 20;

    private ScenarioRun _run = null!;
    private ISimulationSystem _water = null!;
    private ISimulationSystem _danger = null!;
    private byte[] _state = [];

    [Params(4f, 2f)]
    public float WaterCell { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var scenario = ShippedScenario.Load("coastal-tsunami") with { WaterCellSize = WaterCell };
        _run = new ScenarioRun(scenario, workers: 2);
        _run.RunToEnd(TimeSpan.FromMinutes(16));
        _state = _run.Simulation.SaveState();
        _water = _run.Simulation.Systems.Single(system => system.Name == "water");
        _danger = _run.Simulation.Systems.Single(system => system.Name == "danger");
        var outcome = _run.Simulation.MeasureOutcome();
        Console.WriteLine($"// FloodStep {WaterCell} m: flooded {outcome.FloodedArea / 10_000:F2} ha, {_run.Simulation.Hazards.Flood.WetCells:N0} wet land cells");
    }

    [IterationSetup]
    public void Restore() => _run.Simulation.LoadState(_state);

    [Benchmark]
    public long Water()
    {
        _water.Update(_run.Simulation);
        return _run.Simulation.Tick;
    }

    [Benchmark]
    public long Danger()
    {
        _danger.Update(_run.Simulation);
        return _run.Simulation.Tick;
    }
}
