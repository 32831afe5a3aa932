namespace TwinWorld.Ecs;

/// <summary>The chunks of a query, for <c>foreach (var chunk in world.GetChunks(query))</c>.</summary>
public readonly struct ChunkQuery
{
    private readonly World _world;
    private readonly QueryDescription _description;

    internal ChunkQuery(World world, QueryDescription description)
    {
        _world = world;
        _description = description;
    }

    /// <summary>Matches archetypes as they are now, when the loop starts.</summary>
    public ChunkEnumerator GetEnumerator() => new(_world, _world.MatchingArchetypes(_description));
}
