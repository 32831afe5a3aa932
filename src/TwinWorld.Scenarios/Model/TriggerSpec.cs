namespace TwinWorld.Scenarios.Model;

/// <summary>
/// Actions taken when a condition holds. <see cref="AnyOf"/> is an OR of AND groups. A trigger fires
/// on the rising edge (the tick its condition becomes true) unless <see cref="EveryTick"/>; once unless
/// <see cref="Repeat"/>; its actions happen <see cref="Delay"/> after it fires.
/// </summary>
public sealed record TriggerSpec(
    string Name,
    IReadOnlyList<IReadOnlyList<ConditionSpec>> AnyOf,
    bool Repeat,
    bool EveryTick,
    TimeSpan Delay,
    IReadOnlyList<ActionSpec> Actions);
