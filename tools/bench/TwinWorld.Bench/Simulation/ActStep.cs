using BenchmarkDotNet.Attributes;
using TwinWorld.Bench.Scenarios;
using TwinWorld.Scenarios.Running;
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
public class ActStep
{
    private const int Ticks = 100;

    private ScenarioRun _run = null!;
    private ISimulationSystem _act = null!;
    private byte[] _state = [];

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
        _run = new ScenarioRun(ShippedScenario.Load("coastal-tsunami", parameters), workers: Workers);
        _run.RunToEnd(TimeSpan.FromMinutes(minutes));
        _state = _run.Simulation.SaveState();
        _act = _run.Simulation.Systems.Single(system => system.Name == "act");
        var outcome = _run.Simulation.MeasureOutcome();
        Console.WriteLine($"// ActStep {At}: {outcome.Evacuated:N0} of {outcome.Agents:N0} evacuated, flooded {outcome.FloodedArea / 10_000:F2} ha");
    }

    [IterationSetup]
    public void Restore() => _run.Simulation.LoadState(_state);

    [Benchmark]
    public long Act()
    {
        _act.Update(_run.Simulation);
        return _run.Simulation.Tick;
    }
}
