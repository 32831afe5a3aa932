using System.Runtime.InteropServices;

namespace TwinWorld.Ecs;

// The world hash split by what it covers, so a replay that diverges can say which data differed first.
public sealed partial class World
{
    /// <summary>
    /// A stable hash of the world's structure without component values: every id's version, the
    /// free-id order, and each archetype's type set with its entities in storage order. Storage order
    /// is a pure function of the operations applied (and is kept by clones and snapshots), so equal
    /// runs give equal hashes; together with <see cref="ComputeHash(Type)"/> for every component type
    /// it covers everything <see cref="ComputeHash()"/> does.
    /// </summary>
    public ulong ComputeStructureHash()
    {
        ThrowIfIterating("hash the world");
        var hasher = new StableHasher(0x5354_5255_4354_5552); // "STRUCTUR"
        hasher.Add(_slots.Count);
        for (int id = 0; id < _slots.Count; id++)
        {
            hasher.Add(_slots[id].Version);
        }
        hasher.Add(MemoryMarshal.AsBytes(_free.AsSpan(0, _freeCount)));
        foreach (var archetype in _archetypes)
        {
            hasher.Add(archetype.SignatureKey);
            hasher.Add(archetype.Count);
            for (int c = 0; c < archetype.ChunkCount; c++)
            {
                var chunk = archetype.GetChunk(c);
                hasher.AddUnprefixed(MemoryMarshal.AsBytes(chunk.Entities.AsSpan(0, chunk.Count)));
            }
        }
        return hasher.Finish();
    }

    /// <summary>
    /// A stable hash of one component type's values, in storage order, over every entity that has it
    /// (which entities those are is in <see cref="ComputeStructureHash"/>). Plain values are hashed
    /// a chunk column at a time.
    /// </summary>
    public ulong ComputeHash(Type componentType) => ComputeHash(ComponentType.Of(componentType));

    /// <inheritdoc cref="ComputeHash(Type)"/>
    public ulong ComputeHash<T>() where T : struct => ComputeHash(ComponentType<T>.Instance);

    private ulong ComputeHash(ComponentType type)
    {
        ThrowIfIterating("hash the world");
        var hasher = new StableHasher(type.StableKey);
        foreach (var archetype in _archetypes)
        {
            int column = archetype.ColumnOf(type.Id);
            if (column < 0)
            {
                continue;
            }
            for (int c = 0; c < archetype.ChunkCount; c++)
            {
                var chunk = archetype.GetChunk(c);
                if (type.RawHashBytes > 0)
                {
                    ref byte first = ref MemoryMarshal.GetArrayDataReference(chunk.Columns[column]);
                    hasher.AddUnprefixed(MemoryMarshal.CreateReadOnlySpan(ref first, chunk.Count * type.Size));
                }
                else if (type.RawHashBytes < 0)
                {
                    for (int row = 0; row < chunk.Count; row++)
                    {
                        type.HashElement(chunk.Columns[column], row, ref hasher);
                    }
                }
            }
        }
        return hasher.Finish();
    }

    /// <summary>The component types some entity has now, in stable order: what the per-type hashes must cover.</summary>
    public IReadOnlyList<Type> ComponentTypesInUse()
        => _archetypes.Where(a => a.Count > 0).SelectMany(a => a.Types).Distinct().OrderBy(t => t.StableKey).Select(t => t.Type).ToList();
}
