using System.Runtime.ExceptionServices;

namespace TwinWorld.Ecs;

// The three ways to iterate a query: a struct callback per entity (Query), a struct job per chunk
// with spans (ForEachChunk, or foreach over GetChunks), and the parallel forms of both. Order is
// archetype creation order, then chunk order, then row order: a function of the operations applied.
public sealed partial class World
{
    private readonly Dictionary<QueryDescription, Query> _queries = [];
    private readonly List<ChunkView> _parallelChunks = [];

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
        _iterating++;
        try
        {
            int index = 0;
            foreach (var archetype in archetypes)
            {
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
    /// </summary>
    public void ParallelForEachChunk<TJob>(QueryDescription description, in TJob job) where TJob : struct, IChunkJob
    {
        if (MaxDegreeOfParallelism <= 1)
        {
            var copy = job;
            ForEachChunk(description, ref copy);
            return;
        }
        var chunks = _parallelChunks;
        chunks.Clear();
        foreach (var archetype in MatchingArchetypes(description))
        {
            for (int c = 0; c < archetype.ChunkCount; c++)
            {
                chunks.Add(new ChunkView(archetype, archetype.GetChunk(c), chunks.Count));
            }
        }
        var template = job;
        _iterating++;
        try
        {
            Parallel.For(0, chunks.Count, new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism }, i =>
            {
                var local = template;
                local.Execute(chunks[i]);
            });
        }
        catch (AggregateException e)
        {
            // Chunks fail alike (a bug in the job), so the first failure is the one worth reading.
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        finally
        {
            _iterating--;
        }
    }

    /// <summary>
    /// The matching chunks for a <c>foreach</c> with spans. Structural changes are refused until the
    /// loop ends (the enumerator's Dispose, which <c>foreach</c> always calls).
    /// </summary>
    public ChunkQuery GetChunks(QueryDescription description) => new(this, MatchingArchetypes(description));

    internal void BeginIteration() => _iterating++;

    internal void EndIteration() => _iterating--;

    private List<Archetype> MatchingArchetypes(QueryDescription description)
    {
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
