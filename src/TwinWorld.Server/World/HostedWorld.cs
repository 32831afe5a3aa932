using TwinWorld.Scenarios.Running;
using TwinWorld.Simulation;
using Sim = TwinWorld.Simulation.Simulator;

namespace TwinWorld.Server.World;

/// <summary>
/// The world the server hosts: a scenario run (its timeline, triggers and end), or the bare procedural
/// town. Stepped by the tick thread only. When a scenario ends the world goes on ticking (players are
/// still in it); only the scenario's own actions stop.
/// </summary>
internal sealed class HostedWorld
{
    public HostedWorld(Sim simulation, string description)
    {
        Simulation = simulation;
        Description = description;
    }

    public HostedWorld(ScenarioRun run)
    {
        Run = run;
        Simulation = run.Simulation;
        Description = $"scenario {run.Scenario.Name} ({run.Scenario.File})";
    }

    public Sim Simulation { get; }

    /// <summary>The scenario run, when the server was started with one; forecasts need it.</summary>
    public ScenarioRun? Run { get; }

    public string Description { get; }

    /// <summary>Advances one tick; returns the scenario's end reason on the tick it ends, else null.</summary>
    public (TickReport Report, string? Ended) Step()
    {
        if (Run is { Ended: false } run)
        {
            var report = run.Step()!;
            return (report, run.Ended ? run.EndReason : null);
        }
        return (Simulation.Step(), null);
    }
}
