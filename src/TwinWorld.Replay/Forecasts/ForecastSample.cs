using TwinWorld.Simulation;

namespace TwinWorld.Replay.Forecasts;

/// <summary>A forecast's outcome at one simulated time (time since the run began, not since the forecast).</summary>
public sealed record ForecastSample(TimeSpan At, RunOutcome Outcome);
