using System.Runtime.InteropServices;

namespace TwinWorld.Ecs;

// Saving a world to bytes and reading it back: recordings' snapshots, seeking and forks across processes.
public sealed partial class World
{
    private const int SnapshotFormat = 1;

    /// <summary>
    /// Writes everything <see cref="Clone"/> copies (versions, free ids, archetypes in order, chunks in
    /// order, every component) so <see cref="ReadSnapshot"/> gives a world that behaves exactly like
    /// this one. Component types are named by assembly-qualified name and checked by stable key and
    /// size on reading, so a snapshot is for the same build. Components that hold references need
    /// <see cref="ISnapshotCodec{T}"/>.
    /// </summary>
    public void WriteSnapshot(BinaryWriter writer)
    {
        ThrowIfIterating("save the world");
        writer.Write(SnapshotFormat);
        var types = _archetypes.SelectMany(a => a.Types).Distinct().ToList();
        writer.Write(types.Count);
        foreach (var type in types)
        {
            writer.Write(type.Type.AssemblyQualifiedName!);
            writer.Write(type.StableKey);
            writer.Write(type.Size);
        }
        writer.Write(_slots.Count);
        for (int id = 0; id < _slots.Count; id++)
        {
            writer.Write(_slots[id].Version);
        }
        writer.Write(_freeCount);
        writer.Write(MemoryMarshal.AsBytes(_free.AsSpan(0, _freeCount)));
        writer.Write(_archetypes.Count);
        foreach (var archetype in _archetypes)
        {
            writer.Write(archetype.Types.Length);
            foreach (var type in archetype.Types)
            {
                writer.Write(types.IndexOf(type));
            }
            WriteRows(writer, archetype);
        }
    }

    /// <summary>
    /// Writes an archetype's rows as saved chunks of the size chunks had before 2026-12-08 (see
    /// <see cref="HashSegments"/>), so the same world saves to the same bytes as it did then: replays
    /// compare snapshots byte for byte with the ones recorded.
    /// </summary>
    private static void WriteRows(BinaryWriter writer, Archetype archetype)
    {
        var runs = new HashSegments(archetype);
        writer.Write(runs.PieceCount);
        var piece = new List<(Chunk Chunk, int Start, int Count)>();
        while (runs.MoveNext())
        {
            piece.Add((runs.Chunk, runs.Start, runs.Count));
            if (!runs.EndsPiece)
            {
                continue;
            }
            writer.Write(runs.PieceRows);
            foreach (var run in piece)
            {
                writer.Write(MemoryMarshal.AsBytes(run.Chunk.Entities.AsSpan(run.Start, run.Count)));
            }
            for (int column = 0; column < archetype.Types.Length; column++)
            {
                foreach (var run in piece)
                {
                    archetype.Types[column].WriteColumn(writer, run.Chunk.Columns[column], run.Start, run.Count);
                }
            }
            piece.Clear();
        }
    }

    /// <summary>Reads a world written by <see cref="WriteSnapshot"/>; throws <see cref="InvalidDataException"/> if it does not fit this build.</summary>
    public static World ReadSnapshot(BinaryReader reader, int maxDegreeOfParallelism = 0)
    {
        int format = reader.ReadInt32();
        if (format != SnapshotFormat)
        {
            throw new InvalidDataException($"The world snapshot is format {format}; this build reads format {SnapshotFormat}.");
        }
        var types = new ComponentType[reader.ReadInt32()];
        for (int t = 0; t < types.Length; t++)
        {
            string name = reader.ReadString();
            ulong key = reader.ReadUInt64();
            int size = reader.ReadInt32();
            var clrType = Type.GetType(name) ?? throw new InvalidDataException($"The world snapshot has component type {name}, which this build does not have.");
            types[t] = ComponentType.Of(clrType);
            if (types[t].StableKey != key || types[t].Size != size)
            {
                throw new InvalidDataException($"Component type {name} has changed since the snapshot was written (key or size differ).");
            }
        }
        var world = new World();
        if (maxDegreeOfParallelism > 0)
        {
            world.MaxDegreeOfParallelism = maxDegreeOfParallelism;
        }
        int slots = reader.ReadInt32();
        for (int id = 0; id < slots; id++)
        {
            world._slots.Append();
            world._slots[id].Version = reader.ReadInt32();
        }
        world._freeCount = reader.ReadInt32();
        world._free = new int[Math.Max(64, world._freeCount)];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(world._free.AsSpan(0, world._freeCount)));
        int archetypes = reader.ReadInt32();
        for (int a = 0; a < archetypes; a++)
        {
            var saved = new ComponentType[reader.ReadInt32()];
            for (int t = 0; t < saved.Length; t++)
            {
                saved[t] = types[reader.ReadInt32()];
            }
            var archetype = world.ArchetypeFor(ComponentSet.Of(saved));
            if (archetype != world._archetypes[a])
            {
                throw new InvalidDataException($"The world snapshot names archetype {archetype} twice.");
            }
            int chunks = reader.ReadInt32();
            for (int c = 0; c < chunks; c++)
            {
                world.ReadChunk(reader, archetype, saved);
            }
        }
        return world;
    }

    /// <summary>
    /// Appends one saved chunk's rows to an archetype, in order. They may spread over this build's chunks
    /// differently from the saving build's (chunk sizes changed on 2026-12-08): row order per archetype,
    /// which sets iteration order, is what is reproduced, and the world hash does not depend on chunks.
    /// </summary>
    private void ReadChunk(BinaryReader reader, Archetype archetype, ComponentType[] savedOrder)
    {
        int count = reader.ReadInt32();
        if (count < 1)
        {
            throw new InvalidDataException($"A saved chunk of {archetype} has {count} rows.");
        }
        var runs = new List<(Chunk Chunk, int Start, int Count)>();
        for (int left = count; left > 0;)
        {
            int added = archetype.AddRows(left, out var chunk, out int start);
            runs.Add((chunk, start, added));
            left -= added;
        }
        foreach (var run in runs)
        {
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(run.Chunk.Entities.AsSpan(run.Start, run.Count)));
        }
        foreach (var type in savedOrder)
        {
            foreach (var run in runs)
            {
                type.ReadColumn(reader, run.Chunk.Columns[archetype.ColumnOf(type.Id)], run.Start, run.Count);
            }
        }
        foreach (var run in runs)
        {
            for (int row = run.Start; row < run.Start + run.Count; row++)
            {
                ref var slot = ref _slots[run.Chunk.Entities[row].Id];
                slot.Chunk = run.Chunk;
                slot.Row = row;
                Count++;
            }
        }
    }
}
