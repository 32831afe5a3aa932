namespace TwinWorld.Replay.Forecasts;

/// <summary>What an analyst asks of a forecast: how far ahead, with which actions (written as in a scenario), sampled how often, on how many worker threads.</summary>
public sealed record ForecastAsk(TimeSpan Ahead, IReadOnlyList<string> Actions, TimeSpan Every, int Workers);
