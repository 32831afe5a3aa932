using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using TwinWorld.Ecs;

namespace TwinWorld.Bench.Ecs;

/// <summary>
/// component1 += component2 + component3 over 100k entities, by each iteration path: the scalar paths against
/// a plain array loop, the SIMD paths against the same SIMD kernel over bare arrays (each category has its own baseline).
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class SystemWith3Components
{
    private static readonly QueryDescription Query = new QueryDescription().WithAll<Component1, Component2, Component3>();
    private World _world = null!;
    private World _parallelWorld = null!;
    private int[] _plain1 = null!;
    private int[] _plain2 = null!;
    private int[] _plain3 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _world = new World { MaxDegreeOfParallelism = 1 };
        _world.CreateMany(new Entity[EntityCount.Value], new Component1(), new Component2 { Value = 1 }, new Component3 { Value = 1 });
        _parallelWorld = new World();
        _parallelWorld.CreateMany(new Entity[EntityCount.Value], new Component1(), new Component2 { Value = 1 }, new Component3 { Value = 1 });
        _plain1 = new int[EntityCount.Value];
        _plain2 = Enumerable.Repeat(1, EntityCount.Value).ToArray();
        _plain3 = Enumerable.Repeat(1, EntityCount.Value).ToArray();
    }

    [BenchmarkCategory(IterationCategory.Scalar)]
    [Benchmark(Baseline = true, OperationsPerInvoke = EntityCount.Value)]
    public void PlainArrayLoop()
    {
        var c1 = _plain1;
        var c2 = _plain2;
        var c3 = _plain3;
        for (int i = 0; i < c1.Length && i < c2.Length && i < c3.Length; i++)
        {
            c1[i] += c2[i] + c3[i];
        }
    }

    [BenchmarkCategory(IterationCategory.Scalar)]
    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public void InlineCallback()
    {
        var system = new Sum();
        _world.Query<Sum, Component1, Component2, Component3>(Query, ref system);
    }

    [BenchmarkCategory(IterationCategory.Simd)]
    [Benchmark(Baseline = true, OperationsPerInvoke = EntityCount.Value)]
    public void PlainArraySimd() => SumAll(_plain1, _plain2, _plain3);

    [BenchmarkCategory(IterationCategory.Simd)]
    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public void ChunkSpansSimd()
    {
        var job = new SumSimd();
        _world.ForEachChunk(Query, ref job);
    }

    [BenchmarkCategory(IterationCategory.Simd)]
    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public void ParallelChunksSimd() => _parallelWorld.ParallelForEachChunk(Query, new SumSimd());

    private struct Sum : IForEach<Component1, Component2, Component3>
    {
        public readonly void Update(ref Component1 c1, ref Component2 c2, ref Component3 c3) => c1.Value += c2.Value + c3.Value;
    }

    /// <summary>The SIMD kernel every SIMD path runs: a vector loop, then a scalar tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SumAll(Span<int> c1, ReadOnlySpan<int> c2, ReadOnlySpan<int> c3)
    {
        var v1 = MemoryMarshal.Cast<int, Vector<int>>(c1);
        var v2 = MemoryMarshal.Cast<int, Vector<int>>(c2);
        var v3 = MemoryMarshal.Cast<int, Vector<int>>(c3);
        for (int i = 0; i < v1.Length; i++)
        {
            v1[i] += v2[i] + v3[i];
        }
        for (int i = v1.Length * Vector<int>.Count; i < c1.Length; i++)
        {
            c1[i] += c2[i] + c3[i];
        }
    }

    private struct SumSimd : IChunkJob
    {
        public readonly void Execute(in ChunkView chunk)
            => SumAll(
                MemoryMarshal.Cast<Component1, int>(chunk.GetSpan<Component1>()),
                MemoryMarshal.Cast<Component2, int>(chunk.GetSpan<Component2>()),
                MemoryMarshal.Cast<Component3, int>(chunk.GetSpan<Component3>()));
    }
}
