using BenchmarkDotNet.Attributes;
using TwinWorld.Ecs;

namespace TwinWorld.Bench.Ecs;

/// <summary>The per-tick state hash and the checkpoint copy, over 100k entities with three components.</summary>
public class WorldSnapshot
{
    private World _world = null!;

    [GlobalSetup]
    public void Setup()
    {
        _world = new World();
        _world.CreateMany(new Entity[EntityCount.Value], new Component1 { Value = 1 }, new Component2 { Value = 2 }, new Component3 { Value = 3 });
    }

    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public ulong ComputeHash() => _world.ComputeHash();

    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public World Clone() => _world.Clone();
}
