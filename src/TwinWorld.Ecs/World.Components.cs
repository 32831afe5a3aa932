using System.Runtime.CompilerServices;

namespace TwinWorld.Ecs;

public sealed partial class World
{
    public bool Has<T>(Entity entity) where T : struct
        => SlotOf(entity).Chunk!.Archetype.Has(ComponentType<T>.TypeId);

    /// <summary>A reference to the entity's component, valid until the next structural change.</summary>
    public ref T Get<T>(Entity entity) where T : struct
    {
        ref var slot = ref SlotOf(entity);
        var chunk = slot.Chunk!;
        int column = chunk.Archetype.ColumnOf(ComponentType<T>.TypeId);
        if (column < 0)
        {
            throw Missing(entity, typeof(T), chunk.Archetype);
        }
        return ref Unsafe.As<T[]>(chunk.Columns[column])[slot.Row];
    }

    /// <summary>Overwrites a component the entity has; throws <see cref="MissingComponentException"/> otherwise.</summary>
    public void Set<T>(Entity entity, in T value) where T : struct => Get<T>(entity) = value;

    /// <summary>Adds a component; throws <see cref="DuplicateComponentException"/>, changing nothing, if it is there.</summary>
    public void Add<T>(Entity entity, in T value = default) where T : struct
    {
        ref var slot = ref SlotOf(entity);
        ThrowIfIterating("add a component");
        int id = ComponentType<T>.TypeId;
        var source = slot.Chunk!.Archetype;
        if (source.Has(id))
        {
            throw new DuplicateComponentException(entity, typeof(T));
        }
        // Copy first: the value may live in a chunk row that the move below overwrites.
        var copy = value;
        var edge = source.AddEdge(id) ?? CreateEdge(source, source.Set.With(id), add: true, id);
        Move(entity, ref slot, edge);
        Unsafe.As<T[]>(slot.Chunk!.Columns[edge.Target.ColumnOf(id)])[slot.Row] = copy;
    }

    /// <summary>Removes a component; throws <see cref="MissingComponentException"/>, changing nothing, if it is absent.</summary>
    public void Remove<T>(Entity entity) where T : struct => RemoveComponent(entity, ComponentType<T>.Instance);

    internal void RemoveComponent(Entity entity, ComponentType type)
    {
        ref var slot = ref SlotOf(entity);
        ThrowIfIterating("remove a component");
        var source = slot.Chunk!.Archetype;
        if (!source.Has(type.Id))
        {
            throw Missing(entity, type.Type, source);
        }
        var edge = source.RemoveEdge(type.Id) ?? CreateEdge(source, source.Set.Without(type.Id), add: false, type.Id);
        Move(entity, ref slot, edge);
    }

    /// <summary>The entity's component set, or null if it is not alive.</summary>
    internal ComponentSet? ComponentSetOf(Entity entity) => IsAlive(entity) ? _slots[entity.Id].Chunk!.Archetype.Set : null;

    private static MissingComponentException Missing(Entity entity, Type component, Archetype archetype)
        => new(entity, component, archetype.Types.Length == 0 ? "none" : string.Join(", ", archetype.Types.Select(t => t.Type.Name)));

    private ArchetypeEdge CreateEdge(Archetype source, ComponentSet targetSet, bool add, int componentId)
    {
        var target = ArchetypeFor(targetSet);
        var map = source.Types.Select(t => target.ColumnOf(t.Id)).ToArray();
        var edge = new ArchetypeEdge(target, map);
        if (add)
        {
            source.SetAddEdge(componentId, edge);
        }
        else
        {
            source.SetRemoveEdge(componentId, edge);
        }
        return edge;
    }

    /// <summary>Moves an entity's row to the edge's target archetype, carrying the columns both share.</summary>
    private void Move(Entity entity, ref EntitySlot slot, ArchetypeEdge edge)
    {
        var fromChunk = slot.Chunk!;
        var source = fromChunk.Archetype;
        int fromRow = slot.Row;
        var toChunk = edge.Target.AddRow(entity, out int toRow);
        var map = edge.ColumnMap;
        for (int c = 0; c < map.Length; c++)
        {
            if (map[c] >= 0)
            {
                source.Types[c].CopyElement(fromChunk.Columns[c], fromRow, toChunk.Columns[map[c]], toRow);
            }
        }
        var moved = source.RemoveRow(fromChunk, fromRow);
        if (moved != Entity.Null)
        {
            _slots[moved.Id].Chunk = fromChunk;
            _slots[moved.Id].Row = fromRow;
        }
        slot.Chunk = toChunk;
        slot.Row = toRow;
    }
}
