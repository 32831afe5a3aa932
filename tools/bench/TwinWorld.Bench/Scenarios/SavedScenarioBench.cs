using BenchmarkDotNet.Attributes;
using TwinWorld.Scenarios.Model;
using TwinWorld.Scenarios.Running;
using TwinWorld.Simulation;

namespace TwinWorld.Bench.Scenarios;

/// <summary>
/// Systems of a shipped scenario timed alone: setup runs the scenario to a point and saves it, and
/// each iteration restores that state, so every iteration times the same work.
/// </summary>
public abstract class SavedScenarioBench
{
    private byte[] _state = [];

    protected ScenarioRun Run { get; private set; } = null!;

    [IterationSetup]
    public void Restore() => Run.Simulation.LoadState(_state);

    /// <summary>Runs the scenario to <paramref name="at"/> on the given workers and saves the state there.</summary>
    protected void RunTo(Scenario scenario, TimeSpan at, int workers)
    {
        Run = new ScenarioRun(scenario, workers);
        Run.RunToEnd(at);
        _state = Run.Simulation.SaveState();
    }

    protected ISimulationSystem System(string name) => Run.Simulation.Systems.Single(system => system.Name == name);

    /// <summary>One update of the system on the saved run; returns the tick so the work is not optimised away.</summary>
    protected long Update(ISimulationSystem system)
    {
        system.Update(Run.Simulation);
        return Run.Simulation.Tick;
    }
}
