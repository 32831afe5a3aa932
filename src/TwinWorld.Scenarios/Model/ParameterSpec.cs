namespace TwinWorld.Scenarios.Model;

/// <summary>
/// A declared parameter: its default, its allowed range (numbers, or durations in seconds), and the
/// value this load used (the default, or a --set override). What-if forks override these by name.
/// </summary>
public sealed record ParameterSpec(string Name, string Default, double? Min, double? Max, bool IsDuration, string Description, string Value);
