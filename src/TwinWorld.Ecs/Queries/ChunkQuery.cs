namespace TwinWorld.Ecs;

/// <summary>The chunks of a query, for <c>foreach (var chunk in world.GetChunks(query))</c>.</summary>
public readonly struct ChunkQuery
{
    private readonly World _world;
    private readonly List<Archetype> _archetypes;

    internal ChunkQuery(World world, List<Archetype> archetypes)
    {
        _world = world;
        _archetypes = archetypes;
    }

    public ChunkEnumerator GetEnumerator() => new(_world, _archetypes);
}
