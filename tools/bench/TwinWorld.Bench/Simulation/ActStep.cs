using BenchmarkDotNet.Attributes;
using TwinWorld.Bench.Scenarios;
using TwinWorld.Simulation;

namespace TwinWorld.Bench.Simulation;

/// <summary>
/// The act system alone (rebuilding the neighbour hash, then on 2 workers: flow-field directions,
/// crowd density and separation, ground and water slowing, wall clearance, headings) on the shipped
/// coastal tsunami scenario: 5,000 agents in the 512 x 512 town at 20 Hz, as <c>twin replay</c> runs
/// it. <see cref="Phase.Evacuating"/> is 3 minutes in, 2 minutes after the alert, with the streets
/// full and no water yet; <see cref="Phase.Flooding"/> has the waves start at 1 minute and is 4
/// minutes in, water on the low ground. Each iteration restores that state and runs 100 act ticks
/// (5 simulated seconds) from it, so every iteration times the same work. On 1 worker the figure is
/// the CPU time of the work, steady even on a shared machine; on 2 it is what a tick waits.
/// </summary>
[InvocationCount(Ticks)]
public class ActStep : SavedScenarioBench
{
    private const int Ticks = 100;

    private ISimulationSystem _act = null!;

    public enum Phase
    {
        Evacuating,
        Flooding,
    }

    [Params(Phase.Evacuating, Phase.Flooding)]
    public Phase At { get; set; }

    [Params(1, 2)]
    public int Workers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (parameters, minutes) = At == Phase.Evacuating
            ? (new Dictionary<string, string>(), 3)
            : (new Dictionary<string, string> { ["arrival"] = "1m" }, 4);
        RunTo(ShippedScenario.Load("coastal-tsunami", parameters), TimeSpan.FromMinutes(minutes), Workers);
        _act = SystemNamed("act");
        var outcome = Scenario.Simulation.MeasureOutcome();
        Console.WriteLine($"// ActStep {At}: {outcome.Evacuated:N0} of {outcome.Agents:N0} evacuated, flooded {outcome.FloodedArea / 10_000:F2} ha");
    }

    [Benchmark]
    public long Act() => Update(_act);
}
