using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using TwinWorld.Ecs;

namespace TwinWorld.Bench.Ecs;

/// <summary>
/// ++component1 over 100k entities, by each iteration path: the scalar paths against a plain array loop,
/// the SIMD paths against the same SIMD kernel over a bare array (each category has its own baseline).
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
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

    [BenchmarkCategory(IterationCategory.Scalar)]
    [Benchmark(Baseline = true, OperationsPerInvoke = EntityCount.Value)]
    public void PlainArrayLoop()
    {
        var c1 = _plain1;
        for (int i = 0; i < c1.Length; i++)
        {
            c1[i]++;
        }
    }

    [BenchmarkCategory(IterationCategory.Scalar)]
    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public void InlineCallback()
    {
        var system = new Increment();
        _world.Query<Increment, Component1>(Query, ref system);
    }

    [BenchmarkCategory(IterationCategory.Simd)]
    [Benchmark(Baseline = true, OperationsPerInvoke = EntityCount.Value)]
    public void PlainArraySimd() => IncrementAll(_plain1);

    [BenchmarkCategory(IterationCategory.Simd)]
    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public void ChunkSpansSimd()
    {
        var job = new IncrementSimd();
        _world.ForEachChunk(Query, ref job);
    }

    [BenchmarkCategory(IterationCategory.Simd)]
    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public void ParallelChunksSimd() => _parallelWorld.ParallelForEachChunk(Query, new IncrementSimd());

    private struct Increment : IForEach<Component1>
    {
        public readonly void Update(ref Component1 c1) => c1.Value++;
    }

    /// <summary>The SIMD kernel every SIMD path runs: a vector loop, then a scalar tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void IncrementAll(Span<int> c1)
    {
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

    private struct IncrementSimd : IChunkJob
    {
        public readonly void Execute(in ChunkView chunk) => IncrementAll(MemoryMarshal.Cast<Component1, int>(chunk.GetSpan<Component1>()));
    }
}
