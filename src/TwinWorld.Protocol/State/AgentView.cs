namespace TwinWorld.Protocol.State;

/// <summary>
/// One agent as the state stream carries it: the entity's slot id and version, its quantised position
/// (<see cref="Quantisation.PositionUnitsPerMetre"/>) and heading (<see cref="Quantisation.HeadingSteps"/>),
/// its kind, vital state (0 to 3), behaviour (0 to 7) and owning client (0 unless it is an avatar).
/// </summary>
public readonly record struct AgentView(int Id, int Version, int X, int Y, int Heading, int Kind, int Vital, int Behaviour, ulong Owner)
{
    public const int MaxVital = 3;

    public const int MaxBehaviour = 7;

    /// <summary>Why the codec cannot carry this agent, or null.</summary>
    public string? Problem()
        => Id < 0 ? $"agent id {Id} is negative"
        : Version < 0 ? $"agent {Id} has a negative version"
        : Heading is < 0 or >= Quantisation.HeadingSteps ? $"agent {Id} has heading step {Heading}"
        : Kind < 0 ? $"agent {Id} has kind {Kind}"
        : Vital is < 0 or > MaxVital ? $"agent {Id} has vital state {Vital}"
        : Behaviour is < 0 or > MaxBehaviour ? $"agent {Id} has behaviour {Behaviour}"
        : null;
}
