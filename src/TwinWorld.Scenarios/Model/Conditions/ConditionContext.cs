using TwinWorld.Simulation;

namespace TwinWorld.Scenarios.Model;

/// <summary>What conditions look at: the simulation after a tick, and its outcome, measured at most once per tick.</summary>
public sealed class ConditionContext(Simulation.Simulator simulation)
{
    private RunOutcome? _outcome;
    private long _measuredAt = -1;

    public Simulation.Simulator Simulation { get; } = simulation;

    public RunOutcome Outcome
    {
        get
        {
            if (_measuredAt != Simulation.Tick || _outcome is null)
            {
                _outcome = Simulation.MeasureOutcome();
                _measuredAt = Simulation.Tick;
            }
            return _outcome;
        }
    }
}
