namespace TwinWorld.Ecs;

/// <summary>
/// Where an entity id lives now, and its current version; 16 bytes with a single reference, so
/// creating entities costs one GC write barrier. A dead slot has no chunk.
/// </summary>
internal struct EntitySlot
{
    public Chunk? Chunk;
    public int Row;
    public int Version;
}
