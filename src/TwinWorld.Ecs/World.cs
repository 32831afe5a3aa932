namespace TwinWorld.Ecs;

/// <summary>
/// The entity store. Not thread-safe for structural changes: one thread owns a world and mutates it;
/// parallel queries may run on workers but only read and write component values.
/// Iteration order is a pure function of the sequence of operations applied, which is what makes
/// simulations built on it deterministic.
/// </summary>
public sealed partial class World
{
    private readonly EntitySlots _slots = new();
    private int[] _free = new int[64];
    private int _freeCount;
    private readonly List<Archetype> _archetypes = [];
    private readonly Dictionary<ComponentSet, Archetype> _archetypeBySet = [];
    private SignatureArchetype?[] _bySignature = [];
    private int _iterating;

    public World()
    {
        // The empty archetype is always first, so every world (and every clone) starts alike.
        ArchetypeFor(ComponentSet.Empty);
    }

    /// <summary>Live entities.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Worker threads used by parallel queries. Results never depend on it: work is split into
    /// fixed partitions (chunks) whatever the number of workers.
    /// </summary>
    public int MaxDegreeOfParallelism
    {
        get;
        set => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one worker is needed.");
    } = Environment.ProcessorCount;

    /// <summary>True while a query is iterating; structural changes are refused then.</summary>
    public bool IsIterating => _iterating > 0;

    public bool IsAlive(Entity entity)
        => _slots.Contains(entity.Id) && _slots[entity.Id].Version == entity.Version && _slots[entity.Id].Chunk is not null;

    /// <summary>Creates an entity with no components.</summary>
    public Entity Create()
    {
        ThrowIfIterating("create an entity");
        return NewEntity(_archetypes[0], out _, out _);
    }

    public void Destroy(Entity entity)
    {
        ref var slot = ref SlotOf(entity);
        ThrowIfIterating("destroy an entity");
        var chunk = slot.Chunk!;
        var moved = chunk.Archetype.RemoveRow(chunk, slot.Row);
        if (moved != Entity.Null)
        {
            _slots[moved.Id].Chunk = chunk;
            _slots[moved.Id].Row = slot.Row;
        }
        slot.Chunk = null;
        Count--;
        if (slot.Version == int.MaxValue)
        {
            // Wrapping would bring the oldest handles back to life; the id is retired instead.
            return;
        }
        slot.Version++;
        if (_freeCount == _free.Length)
        {
            Array.Resize(ref _free, _free.Length * 2);
        }
        _free[_freeCount++] = entity.Id;
    }

    /// <summary>The component types an entity has, in registration order.</summary>
    public IReadOnlyList<Type> GetComponentTypes(Entity entity)
        => SlotOf(entity).Chunk!.Archetype.Types.Select(t => t.Type).ToArray();

    /// <summary>The slot of a live entity; throws <see cref="StaleEntityException"/> for any other handle.</summary>
    private ref EntitySlot SlotOf(Entity entity)
    {
        if (_slots.Contains(entity.Id))
        {
            ref var slot = ref _slots[entity.Id];
            if (slot.Version == entity.Version && slot.Chunk is not null)
            {
                return ref slot;
            }
        }
        throw Stale(entity);
    }

    private StaleEntityException Stale(Entity entity)
    {
        if (entity.Id < 0)
        {
            return new StaleEntityException(entity, "it is a placeholder from a CommandBuffer that has not been played back");
        }
        if (!_slots.Contains(entity.Id))
        {
            return new StaleEntityException(entity, "no entity with that id was ever created in this world");
        }
        int current = _slots[entity.Id].Version;
        return current > entity.Version
            ? new StaleEntityException(entity, $"it was destroyed (the id's current version is {current})")
            : new StaleEntityException(entity, $"this world never created that version (current is {current}); is it from another world?");
    }

    private Entity NewEntity(Archetype archetype, out Chunk chunk, out int row)
    {
        var entity = AllocateId();
        chunk = archetype.AddRow(entity, out row);
        ref var slot = ref _slots[entity.Id];
        slot.Chunk = chunk;
        slot.Row = row;
        return entity;
    }

    private Entity AllocateId()
    {
        int id = _freeCount > 0 ? _free[--_freeCount] : _slots.Append();
        Count++;
        return new Entity(id, _slots[id].Version);
    }

    private void ThrowIfIterating(string operation)
    {
        if (_iterating > 0)
        {
            throw new StructuralChangeException(operation);
        }
    }

    private Archetype ArchetypeFor(ComponentSet set)
    {
        if (!_archetypeBySet.TryGetValue(set, out var archetype))
        {
            archetype = new Archetype(set);
            _archetypeBySet.Add(set, archetype);
            _archetypes.Add(archetype);
        }
        return archetype;
    }

    private SignatureArchetype SignatureFor(int signature, ComponentType[] types)
    {
        if ((uint)signature < (uint)_bySignature.Length && _bySignature[signature] is { } cached)
        {
            return cached;
        }
        var set = ComponentSet.Of(types);
        if (set.Ids().Count() != types.Length)
        {
            throw new ArgumentException($"A component type is named twice in ({string.Join(", ", types.Select(t => t.Type.Name))}).");
        }
        var archetype = ArchetypeFor(set);
        var entry = new SignatureArchetype(archetype, types.Select(t => archetype.ColumnOf(t.Id)).ToArray());
        if (signature >= _bySignature.Length)
        {
            Array.Resize(ref _bySignature, signature + 16);
        }
        return _bySignature[signature] = entry;
    }
}
