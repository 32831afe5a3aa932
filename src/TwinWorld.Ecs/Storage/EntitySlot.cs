namespace TwinWorld.Ecs;

/// <summary>Where an entity id lives now, and its current version. A dead slot has no archetype.</summary>
internal struct EntitySlot
{
    public Archetype? Archetype;
    public Chunk Chunk;
    public int Row;
    public int Version;
}
