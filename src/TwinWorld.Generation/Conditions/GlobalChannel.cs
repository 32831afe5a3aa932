namespace TwinWorld.Generation.Conditions;

/// <summary>The entries of the <c>globals</c> input, in order (protocol/world-model.md gives each one's scale).</summary>
public enum GlobalChannel
{
    TimeOfDaySin = 0,
    TimeOfDayCos = 1,
    WindEast = 2,
    WindNorth = 3,
    Tsunami = 4,
    Fire = 5,
    Tornado = 6,
    MoveEast = 7,
    MoveNorth = 8,
    MoveUp = 9,
    Turn = 10,
    Pitch = 11,
    Perspective = 12,
    SignalEast = 13,
    SignalNorth = 14,
    SignalActive = 15,
}
