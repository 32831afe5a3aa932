namespace TwinWorld.Simulation.Hazards;

public enum HazardKind
{
    /// <summary>Water: a wave train from the sea boundary or a sudden sea-surface displacement.</summary>
    Tsunami = 0,
    Fire = 1,
    Tornado = 2,
}
