using BenchmarkDotNet.Attributes;
using TwinWorld.Ecs;

namespace TwinWorld.Bench.Ecs;

/// <summary>Creating 100k entities in a fresh world: one at a time, and in bulk with CreateMany.</summary>
public class CreateEntity
{
    private World _world = null!;
    private readonly Entity[] _entities = new Entity[EntityCount.Value];

    [IterationSetup]
    public void FreshWorld() => _world = new World();

    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public void With1Component()
    {
        for (int i = 0; i < EntityCount.Value; i++)
        {
            _world.Create(new Component1());
        }
    }

    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public void With2Components()
    {
        for (int i = 0; i < EntityCount.Value; i++)
        {
            _world.Create(new Component1(), new Component2());
        }
    }

    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public void With3Components()
    {
        for (int i = 0; i < EntityCount.Value; i++)
        {
            _world.Create(new Component1(), new Component2(), new Component3());
        }
    }

    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public void With1ComponentBulk() => _world.CreateMany(_entities, new Component1());

    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public void With2ComponentsBulk() => _world.CreateMany(_entities, new Component1(), new Component2());

    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public void With3ComponentsBulk() => _world.CreateMany(_entities, new Component1(), new Component2(), new Component3());
}
