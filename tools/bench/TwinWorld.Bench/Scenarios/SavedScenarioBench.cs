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

    protected ScenarioRun Scenario { get; private set; } = null!;

    [IterationSetup]
    public void Restore() => Scenario.Simulation.LoadState(_state);

    /// <summary>Runs the scenario to <paramref name="at"/> on the given workers and saves the state there.</summary>
    protected void RunTo(Scenario scenario, TimeSpan at, int workers)
    {
        Scenario = new ScenarioRun(scenario, workers);
        Scenario.RunToEnd(at);
        _state = Scenario.Simulation.SaveState();
    }

    protected ISimulationSystem SystemNamed(string name) => Scenario.Simulation.Systems.Single(system => system.Name == name);

    /// <summary>One update of the system on the saved run; returns the tick so the work is not optimised away.</summary>
    protected long Update(ISimulationSystem system)
    {
        system.Update(Scenario.Simulation);
        return Scenario.Simulation.Tick;
    }
}
