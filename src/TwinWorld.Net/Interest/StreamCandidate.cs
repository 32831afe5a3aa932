namespace TwinWorld.Net.Interest;

/// <summary>
/// Something a client's next update may bring up to date: a chunk of agents (<see cref="ViewIndex"/>) or a
/// hazard tile (<see cref="IsTile"/>), with the client's priority for it and whether it must go this tick.
/// </summary>
internal readonly record struct StreamCandidate(bool IsTile, int Key, double Priority, bool Mandatory)
{
    /// <summary>Must-go first, then the most urgent; ties in a fixed order, so every build ranks alike.</summary>
    public static int Rank(StreamCandidate a, StreamCandidate b)
        => a.Mandatory != b.Mandatory ? (a.Mandatory ? -1 : 1)
        : a.Priority != b.Priority ? b.Priority.CompareTo(a.Priority)
        : a.IsTile != b.IsTile ? (a.IsTile ? 1 : -1)
        : a.Key.CompareTo(b.Key);
}
