namespace TwinWorld.Scenarios.Model;

/// <summary>An entry of the events timeline: an action at a time.</summary>
public sealed record TimedAction(TimeSpan At, ActionSpec Action);
