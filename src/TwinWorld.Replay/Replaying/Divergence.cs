using TwinWorld.Simulation;

namespace TwinWorld.Replay.Replaying;

/// <summary>
/// Where a replay first differed from its recording: the tick, the hashes, the parts of the state
/// that differ (with the systems that write them), and the scheduled inputs that differ, if any.
/// </summary>
public sealed record Divergence(long Tick, TimeSpan At, ulong Expected, ulong Actual, IReadOnlyList<StateHashPart> Parts, string? Inputs)
{
    /// <summary>The systems that write the differing parts, each named once.</summary>
    public IReadOnlyList<string> Systems => [.. Parts.SelectMany(p => p.WrittenBy.Split(", ")).Distinct()];

    public override string ToString()
    {
        string where = Parts.Count == 0 ? "" : $"; it differs in {string.Join("; ", Parts.Select(p => $"{p.Name} (written by {p.WrittenBy})"))}";
        string inputs = Inputs is null ? "" : $"; {Inputs}";
        return $"diverged at tick {Tick} ({Duration.Format(At)}): state hash {Actual:x16}, recorded {Expected:x16}{where}{inputs}";
    }
}
