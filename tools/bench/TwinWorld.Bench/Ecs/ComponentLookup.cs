using BenchmarkDotNet.Attributes;
using TwinWorld.Ecs;

namespace TwinWorld.Bench.Ecs;

/// <summary>Get by entity handle, in a shuffled order: the cost of a lookup that misses the iteration order.</summary>
public class ComponentLookup
{
    private World _world = null!;
    private Entity[] _shuffled = null!;

    [GlobalSetup]
    public void Setup()
    {
        _world = new World();
        _shuffled = new Entity[EntityCount.Value];
        _world.CreateMany(_shuffled, new Component1 { Value = 1 }, new Component2());
        new Random(1).Shuffle(_shuffled);
    }

    [Benchmark(OperationsPerInvoke = EntityCount.Value)]
    public int GetShuffled()
    {
        int sum = 0;
        foreach (var entity in _shuffled)
        {
            sum += _world.Get<Component1>(entity).Value;
        }
        return sum;
    }
}
