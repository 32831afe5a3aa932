namespace TwinWorld.Simulation.Agents;

/// <summary>
/// The think system's state: the current behaviour, a decided-but-not-yet-acted-on behaviour (the
/// reaction delay), and until when the current errand lasts. Ticks are absolute simulation ticks.
/// </summary>
public record struct Mind(Behaviour State, Behaviour Pending, long PendingAtTick, long BusyUntilTick)
{
    public const long Never = long.MaxValue;

    public static Mind Start => new(Behaviour.Idle, Behaviour.Idle, Never, 0);
}
