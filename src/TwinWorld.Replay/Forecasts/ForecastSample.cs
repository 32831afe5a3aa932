using TwinWorld.Simulation;

namespace TwinWorld.Replay.Forecasts;

/// <summary>
/// A forecast's outcome at one simulated time (time since the run began, not since the forecast), and the
/// state hash there: two forecasts of the same state and actions agree on it, wherever they ran.
/// </summary>
public sealed record ForecastSample(TimeSpan At, RunOutcome Outcome, ulong StateHash);
