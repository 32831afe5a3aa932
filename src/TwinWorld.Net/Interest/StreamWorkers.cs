namespace TwinWorld.Net.Interest;

/// <summary>
/// Builds clients' state updates on up to <see cref="Threads"/> threads at once: the caller's and threads of
/// its own, started once and waiting between ticks, so a busy thread pool never delays the sends. Each worker
/// has a <see cref="StreamScratch"/> of its own. Clients are independent: each is built by one worker, which
/// alone touches its <see cref="ClientStream"/>, and the tick's <see cref="ViewIndex"/> is only read, so every
/// client's update is exactly the one building them in turn makes. With one thread they are built in turn on
/// the caller's thread.
/// </summary>
internal sealed class StreamWorkers : IDisposable
{
    private readonly StreamScratch[] _scratch;
    private readonly Thread[] _threads;
    private readonly Barrier _barrier;
    private Action<int, StreamScratch>? _build;
    private Exception? _failure;
    private int _count, _next;
    private bool _stopping;

    public StreamWorkers(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _scratch = [.. Enumerable.Range(0, threads).Select(_ => new StreamScratch())];
        _barrier = new Barrier(threads);
        _threads = [.. Enumerable.Range(1, threads - 1).Select(w => new Thread(() => Serve(_scratch[w])) { IsBackground = true, Name = $"TwinWorld stream {w}" })];
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    public int Threads => _scratch.Length;

    /// <summary>
    /// Runs <paramref name="build"/> once for each client 0 to <paramref name="count"/> - 1, in no set order,
    /// and returns when all have run; a call's scratch is used by no other call running at the time. One caller at a time.
    /// </summary>
    public void For(int count, Action<int, StreamScratch> build)
    {
        if (_threads.Length == 0 || count <= 1)
        {
            for (int i = 0; i < count; i++)
            {
                build(i, _scratch[0]);
            }
            return;
        }
        // Each worker takes the next client as it finishes one: balanced however unequal the clients' interest.
        (_build, _count, _next, _failure) = (build, count, -1, null);
        _barrier.SignalAndWait();
        Take(_scratch[0]);
        _barrier.SignalAndWait();
        _build = null;
        if (_failure is { } failure)
        {
            throw new AggregateException("A client's state update failed.", failure);
        }
    }

    public void Dispose()
    {
        if (_threads.Length > 0)
        {
            _stopping = true;
            _barrier.SignalAndWait();
            foreach (var thread in _threads)
            {
                thread.Join();
            }
        }
        _barrier.Dispose();
    }

    /// <summary>A worker thread: waits for a tick's clients, builds its share, waits for the others to finish.</summary>
    private void Serve(StreamScratch scratch)
    {
        while (true)
        {
            _barrier.SignalAndWait();
            if (_stopping)
            {
                return;
            }
            Take(scratch);
            _barrier.SignalAndWait();
        }
    }

    private void Take(StreamScratch scratch)
    {
        try
        {
            for (int i = Interlocked.Increment(ref _next); i < _count; i = Interlocked.Increment(ref _next))
            {
                _build!(i, scratch);
            }
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
        }
    }
}
