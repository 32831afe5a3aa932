namespace TwinWorld.Server.Ticking;

/// <summary>Tick statistics for one reporting interval; durations in milliseconds.</summary>
internal readonly record struct TickSummary(int Ticks, double MeanMs, double P99Ms, double MaxMs, long Overruns, long Skipped);
