using BenchmarkDotNet.Attributes;
using TwinWorld.Bench.Scenarios;
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
public class FloodStep : SavedScenarioBench
{
    private const int Ticks = 20;

    private ISimulationSystem _water = null!;
    private ISimulationSystem _danger = null!;

    [Params(4f, 2f)]
    public float WaterCell { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        RunTo(ShippedScenario.Load("coastal-tsunami") with { WaterCellSize = WaterCell }, TimeSpan.FromMinutes(16), workers: 2);
        _water = SystemNamed("water");
        _danger = SystemNamed("danger");
        var outcome = Scenario.Simulation.MeasureOutcome();
        Console.WriteLine($"// FloodStep {WaterCell} m: flooded {outcome.FloodedArea / 10_000:F2} ha, {Scenario.Simulation.Hazards.Flood.WetCells:N0} wet land cells");
    }

    [Benchmark]
    public long Water() => Update(_water);

    [Benchmark]
    public long Danger() => Update(_danger);
}
