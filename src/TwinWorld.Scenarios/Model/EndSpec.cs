namespace TwinWorld.Scenarios.Model;

/// <summary>When the scenario ends: after a time, when a condition holds, or by an end action; whichever comes first.</summary>
public sealed record EndSpec(TimeSpan After, IReadOnlyList<IReadOnlyList<ConditionSpec>> When);
