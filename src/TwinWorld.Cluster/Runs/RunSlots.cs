namespace TwinWorld.Cluster.Runs;

/// <summary>
/// A silo's share of the sweep: how many runs it runs at once (one a core by default; more only
/// contend), with how many worker threads each, and how long a run waits for its client to ask about it
/// before it counts as orphaned and is cancelled. One per silo; the rest of a silo's runs queue here.
/// </summary>
public sealed class RunSlots(int count, TimeSpan orphanAfter) : IDisposable
{
    private readonly SemaphoreSlim _free = new(count, count);

    public int Count => count;

    /// <summary>Each run's share of the cores; results do not depend on it.</summary>
    public int WorkersPerRun { get; } = Math.Max(1, Environment.ProcessorCount / count);

    public TimeSpan OrphanAfter => orphanAfter;

    public Task WaitAsync(CancellationToken token) => _free.WaitAsync(token);

    public void Release() => _free.Release();

    public void Dispose() => _free.Dispose();
}
