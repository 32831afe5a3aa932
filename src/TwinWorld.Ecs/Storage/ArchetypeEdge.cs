namespace TwinWorld.Ecs;

/// <summary>
/// A cached transition from one archetype to the one with a component added or removed, with the
/// column each source column moves to (-1 where it is dropped), so moves need no lookups.
/// </summary>
internal sealed class ArchetypeEdge(Archetype target, int[] columnMap)
{
    public Archetype Target { get; } = target;

    public int[] ColumnMap { get; } = columnMap;
}
