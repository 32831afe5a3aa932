namespace TwinWorld.Net.Interest;

/// <summary>
/// Builds clients' state updates on up to <see cref="Threads"/> threads at once (the caller's among them),
/// each worker with a <see cref="StreamScratch"/> of its own. Clients are independent: each is built by one
/// worker, which alone touches its <see cref="ClientStream"/>, and the tick's <see cref="ViewIndex"/> is only
/// read, so every client's update is exactly the one building them in turn makes. With one thread they are
/// built in turn on the caller's thread.
/// </summary>
internal sealed class StreamWorkers
{
    private readonly StreamScratch[] _scratch;
    private readonly ParallelOptions _parallel;
    private int _next;

    public StreamWorkers(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _scratch = [.. Enumerable.Range(0, threads).Select(_ => new StreamScratch())];
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
    }

    public int Threads => _scratch.Length;

    /// <summary>
    /// Runs <paramref name="build"/> once for each client 0 to <paramref name="count"/> - 1, in no set order,
    /// and returns when all have run; a call's scratch is used by no other call running at the time.
    /// </summary>
    public void For(int count, Action<int, StreamScratch> build)
    {
        int workers = Math.Min(Threads, count);
        if (workers <= 1)
        {
            for (int i = 0; i < count; i++)
            {
                build(i, _scratch[0]);
            }
            return;
        }
        // One body per worker, each taking the next client as it finishes one: balanced however unequal the
        // clients' interest. The caller's thread takes clients too, but the call still waits for every body the
        // thread pool was given to start (and find nothing left): a starved pool delays the tick's sends.
        _next = -1;
        Parallel.For(0, workers, _parallel, w =>
        {
            var scratch = _scratch[w];
            for (int i = Interlocked.Increment(ref _next); i < count; i = Interlocked.Increment(ref _next))
            {
                build(i, scratch);
            }
        });
    }
}
