using System.Buffers;
using System.Runtime.ExceptionServices;

namespace TwinWorld.Ecs;

// The three ways to iterate a query: a struct callback per entity (Query), a struct job per chunk
// with spans (ForEachChunk, or foreach over GetChunks), and the parallel forms of both. Order is
// archetype creation order, then chunk order, then row order: a function of the operations applied.
public sealed partial class World
{
    private readonly Dictionary<QueryDescription, Query> _queries = [];
    private bool _inParallelQuery;

    /// <summary>How many live entities match.</summary>
    public int CountEntities(QueryDescription description)
    {
        int count = 0;
        foreach (var archetype in MatchingArchetypes(description))
        {
            count += archetype.Count;
        }
        return count;
    }

    public void Query<TF, T1>(QueryDescription description, ref TF forEach)
        where TF : struct, IForEach<T1> where T1 : struct
    {
        var loop = new ForEachLoop<TF, T1> { Callback = forEach };
        ForEachChunk(Require(description, Signature<T1>.Types), ref loop);
        forEach = loop.Callback;
    }

    public void Query<TF, T1, T2>(QueryDescription description, ref TF forEach)
        where TF : struct, IForEach<T1, T2> where T1 : struct where T2 : struct
    {
        var loop = new ForEachLoop<TF, T1, T2> { Callback = forEach };
        ForEachChunk(Require(description, Signature<T1, T2>.Types), ref loop);
        forEach = loop.Callback;
    }

    public void Query<TF, T1, T2, T3>(QueryDescription description, ref TF forEach)
        where TF : struct, IForEach<T1, T2, T3> where T1 : struct where T2 : struct where T3 : struct
    {
        var loop = new ForEachLoop<TF, T1, T2, T3> { Callback = forEach };
        ForEachChunk(Require(description, Signature<T1, T2, T3>.Types), ref loop);
        forEach = loop.Callback;
    }

    public void Query<TF, T1, T2, T3, T4>(QueryDescription description, ref TF forEach)
        where TF : struct, IForEach<T1, T2, T3, T4> where T1 : struct where T2 : struct where T3 : struct where T4 : struct
    {
        var loop = new ForEachLoop<TF, T1, T2, T3, T4> { Callback = forEach };
        ForEachChunk(Require(description, Signature<T1, T2, T3, T4>.Types), ref loop);
        forEach = loop.Callback;
    }

    public void QueryWithEntity<TF, T1>(QueryDescription description, ref TF forEach)
        where TF : struct, IForEachWithEntity<T1> where T1 : struct
    {
        var loop = new ForEachWithEntityLoop<TF, T1> { Callback = forEach };
        ForEachChunk(Require(description, Signature<T1>.Types), ref loop);
        forEach = loop.Callback;
    }

    public void QueryWithEntity<TF, T1, T2>(QueryDescription description, ref TF forEach)
        where TF : struct, IForEachWithEntity<T1, T2> where T1 : struct where T2 : struct
    {
        var loop = new ForEachWithEntityLoop<TF, T1, T2> { Callback = forEach };
        ForEachChunk(Require(description, Signature<T1, T2>.Types), ref loop);
        forEach = loop.Callback;
    }

    public void QueryWithEntity<TF, T1, T2, T3>(QueryDescription description, ref TF forEach)
        where TF : struct, IForEachWithEntity<T1, T2, T3> where T1 : struct where T2 : struct where T3 : struct
    {
        var loop = new ForEachWithEntityLoop<TF, T1, T2, T3> { Callback = forEach };
        ForEachChunk(Require(description, Signature<T1, T2, T3>.Types), ref loop);
        forEach = loop.Callback;
    }

    public void QueryWithEntity<TF, T1, T2, T3, T4>(QueryDescription description, ref TF forEach)
        where TF : struct, IForEachWithEntity<T1, T2, T3, T4> where T1 : struct where T2 : struct where T3 : struct where T4 : struct
    {
        var loop = new ForEachWithEntityLoop<TF, T1, T2, T3, T4> { Callback = forEach };
        ForEachChunk(Require(description, Signature<T1, T2, T3, T4>.Types), ref loop);
        forEach = loop.Callback;
    }

    /// <summary>Runs a per-entity callback on worker threads, one copy of it per chunk.</summary>
    public void ParallelQuery<TF, T1>(QueryDescription description, in TF forEach)
        where TF : struct, IForEach<T1> where T1 : struct
        => ParallelForEachChunk(Require(description, Signature<T1>.Types), new ForEachLoop<TF, T1> { Callback = forEach });

    public void ParallelQuery<TF, T1, T2>(QueryDescription description, in TF forEach)
        where TF : struct, IForEach<T1, T2> where T1 : struct where T2 : struct
        => ParallelForEachChunk(Require(description, Signature<T1, T2>.Types), new ForEachLoop<TF, T1, T2> { Callback = forEach });

    public void ParallelQuery<TF, T1, T2, T3>(QueryDescription description, in TF forEach)
        where TF : struct, IForEach<T1, T2, T3> where T1 : struct where T2 : struct where T3 : struct
        => ParallelForEachChunk(Require(description, Signature<T1, T2, T3>.Types), new ForEachLoop<TF, T1, T2, T3> { Callback = forEach });

    public void ParallelQuery<TF, T1, T2, T3, T4>(QueryDescription description, in TF forEach)
        where TF : struct, IForEach<T1, T2, T3, T4> where T1 : struct where T2 : struct where T3 : struct where T4 : struct
        => ParallelForEachChunk(Require(description, Signature<T1, T2, T3, T4>.Types), new ForEachLoop<TF, T1, T2, T3, T4> { Callback = forEach });

    /// <summary>Runs a job on each matching chunk in order, on this thread.</summary>
    public void ForEachChunk<TJob>(QueryDescription description, ref TJob job) where TJob : struct, IChunkJob
    {
        var archetypes = MatchingArchetypes(description);
        // By index over a count taken now: a nested query may append to this cached list.
        int archetypeCount = archetypes.Count;
        _iterating++;
        try
        {
            int index = 0;
            for (int a = 0; a < archetypeCount; a++)
            {
                var archetype = archetypes[a];
                for (int c = 0; c < archetype.ChunkCount; c++)
                {
                    job.Execute(new ChunkView(archetype, archetype.GetChunk(c), index++));
                }
            }
        }
        finally
        {
            _iterating--;
        }
    }

    /// <summary>
    /// Runs a job on each matching chunk, chunks spread over <see cref="MaxDegreeOfParallelism"/>
    /// workers. Each chunk gets its own copy of the job, so results never depend on which thread ran
    /// which chunk; write per-chunk results by <see cref="ChunkView.Index"/> and combine them in order.
    /// Jobs may Get and Set components of any entity, but may not start queries on this world.
    /// </summary>
    public void ParallelForEachChunk<TJob>(QueryDescription description, in TJob job) where TJob : struct, IChunkJob
    {
        var archetypes = MatchingArchetypes(description);
        int count = 0;
        foreach (var archetype in archetypes)
        {
            count += archetype.ChunkCount;
        }
        var chunks = ArrayPool<ChunkView>.Shared.Rent(count);
        int index = 0;
        foreach (var archetype in archetypes)
        {
            for (int c = 0; c < archetype.ChunkCount; c++, index++)
            {
                chunks[index] = new ChunkView(archetype, archetype.GetChunk(c), index);
            }
        }
        var template = job;
        _iterating++;
        _inParallelQuery = true;
        try
        {
            // One worker runs the same per-chunk copies in order, so nothing depends on the worker count.
            if (MaxDegreeOfParallelism == 1)
            {
                for (int i = 0; i < count; i++)
                {
                    var local = template;
                    local.Execute(chunks[i]);
                }
            }
            else
            {
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism }, i =>
                {
                    var local = template;
                    local.Execute(chunks[i]);
                });
            }
        }
        catch (AggregateException e)
        {
            // Chunks fail alike (a bug in the job), so the first failure is the one worth reading.
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        finally
        {
            _inParallelQuery = false;
            _iterating--;
            ArrayPool<ChunkView>.Shared.Return(chunks, clearArray: true);
        }
    }

    /// <summary>
    /// The matching chunks for a <c>foreach</c> with spans. Structural changes are refused until the
    /// loop ends (the enumerator's Dispose, which <c>foreach</c> always calls).
    /// </summary>
    public ChunkQuery GetChunks(QueryDescription description) => new(this, description);

    internal void BeginIteration() => _iterating++;

    internal void EndIteration() => _iterating--;

    internal List<Archetype> MatchingArchetypes(QueryDescription description)
    {
        // The query cache is not thread-safe, and a parallel job runs on several threads at once.
        if (_inParallelQuery)
        {
            throw new InvalidOperationException("Cannot start a query from inside a parallel query's job; read what the job needs from its chunk, or Get it by entity.");
        }
        if (!_queries.TryGetValue(description, out var query))
        {
            query = new Query(description);
            _queries.Add(description, query);
        }
        return query.Archetypes(_archetypes);
    }

    /// <summary>Checks the callback's components are ones the query guarantees, before iterating.</summary>
    private static QueryDescription Require(QueryDescription description, ComponentType[] types)
    {
        foreach (var type in types)
        {
            if (!description.All.Contains(type.Id))
            {
                throw new ArgumentException($"The callback takes {type.Type.Name} but the query ({description}) does not require it; add it to WithAll.", nameof(description));
            }
        }
        return description;
    }
}
