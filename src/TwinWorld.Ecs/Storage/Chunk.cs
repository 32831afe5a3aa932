namespace TwinWorld.Ecs;

/// <summary>
/// A fixed-capacity block of one archetype's entities, one array (column) per component type, so a
/// system touching two components streams two dense arrays. Rows [0, Count) are live, in order.
/// </summary>
internal sealed class Chunk
{
    public readonly Archetype Archetype;
    public readonly Entity[] Entities;
    public readonly Array[] Columns;
    public int Count;

    public int Capacity => Entities.Length;

    public Chunk(Archetype archetype, ComponentType[] types, int capacity)
    {
        Archetype = archetype;
        Entities = new Entity[capacity];
        Columns = new Array[types.Length];
        for (int i = 0; i < types.Length; i++)
        {
            Columns[i] = types[i].CreateColumn(capacity);
        }
    }

    private Chunk(Archetype archetype, Entity[] entities, Array[] columns, int count)
    {
        Archetype = archetype;
        Entities = entities;
        Columns = columns;
        Count = count;
    }

    public Chunk Clone(Archetype archetype, ComponentType[] types)
    {
        var columns = new Array[types.Length];
        for (int i = 0; i < types.Length; i++)
        {
            columns[i] = types[i].CloneColumn(Columns[i], Count);
        }
        return new Chunk(archetype, (Entity[])Entities.Clone(), columns, Count);
    }
}
