using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TwinWorld.Ecs;

// The world hash split by what it covers, so a replay that diverges can say which data differed first.
public sealed partial class World
{
    /// <summary>Stands for the entity ids in <see cref="AddInHashSegments"/>, which otherwise takes a column index.</summary>
    private const int EntitiesColumn = -1;

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
            AddInHashSegments(ref hasher, archetype, EntitiesColumn, Unsafe.SizeOf<Entity>());
        }
        return hasher.Finish();
    }

    /// <summary>
    /// A stable hash of one component type's values, in storage order, over every entity that has it
    /// (which entities those are is in <see cref="ComputeStructureHash"/>). Plain values are hashed
    /// a column's bytes at a time, in the pieces <see cref="AddInHashSegments"/> cuts.
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
            if (type.RawHashBytes > 0)
            {
                AddInHashSegments(ref hasher, archetype, column, type.Size);
            }
            else if (type.RawHashBytes < 0)
            {
                for (int c = 0; c < archetype.ChunkCount; c++)
                {
                    var chunk = archetype.GetChunk(c);
                    for (int row = 0; row < chunk.Count; row++)
                    {
                        type.HashElement(chunk.Columns[column], row, ref hasher);
                    }
                }
            }
        }
        return hasher.Finish();
    }

    /// <summary>
    /// Hashes a column's bytes (or the entity ids, for <see cref="EntitiesColumn"/>) in storage order, one
    /// span a <see cref="HashSegments"/> piece, so the hash is the one recorded when chunks were that size.
    /// A piece that spans two chunks is put together first.
    /// </summary>
    private static void AddInHashSegments(ref StableHasher hasher, Archetype archetype, int column, int elementSize)
    {
        byte[]? scratch = null;
        int filled = 0;
        var runs = new HashSegments(archetype);
        while (runs.MoveNext())
        {
            var bytes = Bytes(runs.Chunk, column, runs.Start, runs.Count, elementSize);
            if (runs.StartsPiece && runs.EndsPiece)
            {
                hasher.AddUnprefixed(bytes);
                continue;
            }
            scratch ??= ArrayPool<byte>.Shared.Rent(archetype.HashSegmentRows * elementSize);
            bytes.CopyTo(scratch.AsSpan(filled));
            filled += bytes.Length;
            if (runs.EndsPiece)
            {
                hasher.AddUnprefixed(scratch.AsSpan(0, filled));
                filled = 0;
            }
        }
        if (scratch is not null)
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private static ReadOnlySpan<byte> Bytes(Chunk chunk, int column, int offset, int rows, int elementSize)
    {
        Array array = column == EntitiesColumn ? chunk.Entities : chunk.Columns[column];
        ref byte first = ref MemoryMarshal.GetArrayDataReference(array);
        return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref first, offset * elementSize), rows * elementSize);
    }

    /// <summary>The component types some entity has now, in stable order: what the per-type hashes must cover.</summary>
    public IReadOnlyList<Type> ComponentTypesInUse()
        => _archetypes.Where(a => a.Count > 0).SelectMany(a => a.Types).Distinct().OrderBy(t => t.StableKey).Select(t => t.Type).ToList();
}
