namespace TwinWorld.Replay.Replaying;

/// <summary>A recording that cannot be replayed at all here (its scenario no longer loads, or a snapshot does not fit).</summary>
public sealed class ReplayException(string message) : Exception(message);
