using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using TwinWorld.Ecs;

namespace TwinWorld.Bench.Ecs;

/// <summary>++component1 over 100k entities, by each iteration path, against a plain array loop.</summary>
public class SystemWith1Component
{
    private static readonly QueryDescription Query = new QueryDescription().WithAll<Component1>();
    private World _world = null!;
    private World _parallelWorld = null!;
    private int[] _plain1 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _world = new World { MaxDegreeOfParallelism = 1 };
        _world.CreateMany(new Entity[EntityCount.Value], new Component1());
        _parallelWorld = new World();
        _parallelWorld.CreateMany(new Entity[EntityCount.Value], new Component1());
        _plain1 = new int[EntityCount.Value];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EntityCount.Value)]
    public void PlainArrayLoop()
    {
        var c1 = _plain1;
        for (int i = 0; i < c1.Length; i++)
        {
            c1[i]++;
        }
    }

    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public void InlineCallback()
    {
        var system = new Increment();
        _world.Query<Increment, Component1>(Query, ref system);
    }

    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public void ChunkSpansSimd()
    {
        var job = new IncrementSimd();
        _world.ForEachChunk(Query, ref job);
    }

    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public void ParallelChunksSimd() => _parallelWorld.ParallelForEachChunk(Query, new IncrementSimd());

    private struct Increment : IForEach<Component1>
    {
        public readonly void Update(ref Component1 c1) => c1.Value++;
    }

    private struct IncrementSimd : IChunkJob
    {
        public readonly void Execute(in ChunkView chunk)
        {
            var c1 = MemoryMarshal.Cast<Component1, int>(chunk.GetSpan<Component1>());
            var v1 = MemoryMarshal.Cast<int, Vector<int>>(c1);
            for (int i = 0; i < v1.Length; i++)
            {
                v1[i] += Vector<int>.One;
            }
            for (int i = v1.Length * Vector<int>.Count; i < c1.Length; i++)
            {
                c1[i]++;
            }
        }
    }
}
