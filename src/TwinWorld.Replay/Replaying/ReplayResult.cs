namespace TwinWorld.Replay.Replaying;

/// <summary>What a replay did: where it started (0, or a snapshot), how many ticks it checked, where it stopped, and the first divergence if any.</summary>
public sealed record ReplayResult(long StartTick, long TicksVerified, long ReachedTick, Divergence? Divergence)
{
    public bool Verified => Divergence is null;
}
