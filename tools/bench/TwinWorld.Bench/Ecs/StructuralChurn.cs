using BenchmarkDotNet.Attributes;
using TwinWorld.Ecs;

namespace TwinWorld.Bench.Ecs;

/// <summary>Adding then removing a component on each of 100k entities: two archetype moves per entity.</summary>
public class StructuralChurn
{
    private World _world = null!;
    private readonly Entity[] _entities = new Entity[EntityCount.Value];

    [GlobalSetup]
    public void Setup()
    {
        _world = new World();
        _world.CreateMany(_entities, new Component1(), new Component2());
    }

    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public void AddThenRemove()
    {
        foreach (var entity in _entities)
        {
            _world.Add(entity, new Component3 { Value = 1 });
        }
        foreach (var entity in _entities)
        {
            _world.Remove<Component3>(entity);
        }
    }

    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public void CommandBufferAddThenRemove()
    {
        var commands = new CommandBuffer();
        foreach (var entity in _entities)
        {
            commands.Add(entity, new Component3 { Value = 1 });
            commands.Remove<Component3>(entity);
        }
        commands.Playback(_world);
    }
}
