using TwinWorld.Replay.Runs;

namespace TwinWorld.Replay.Replaying;

/// <summary>
/// What a replay did: where it started (0, or a snapshot), how many ticks it checked, where it stopped, the first
/// divergence if any, and the damaged stretches whose lost ticks it skipped (starting again from the snapshot after each).
/// </summary>
public sealed record ReplayResult(long StartTick, long TicksVerified, long ReachedTick, Divergence? Divergence, IReadOnlyList<RunGap> Skipped)
{
    public bool Verified => Divergence is null;
}
