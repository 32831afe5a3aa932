using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TwinWorld.Ecs;

// Deep copies and stable hashes of whole worlds: checkpoints, what-if forks and replay verification.
public sealed partial class World
{
    private const ulong HashSeed = 0x5457_574F_524C_4432; // "TWWORLD2": changing it changes every recorded hash
    private const int HashPageSize = 4096;

    private World(World source)
    {
        _slots = source._slots.Clone();
        _free = (int[])source._free.Clone();
        _freeCount = source._freeCount;
        Count = source.Count;
        MaxDegreeOfParallelism = source.MaxDegreeOfParallelism;
        foreach (var original in source._archetypes)
        {
            var archetype = original.Clone();
            _archetypes.Add(archetype);
            _archetypeBySet.Add(archetype.Set, archetype);
            for (int c = 0; c < archetype.ChunkCount; c++)
            {
                var chunk = archetype.GetChunk(c);
                for (int row = 0; row < chunk.Count; row++)
                {
                    _slots[chunk.Entities[row].Id].Chunk = chunk;
                }
            }
        }
    }

    /// <summary>
    /// A deep copy: same entities, versions, free ids, archetypes and chunk order, so the copy behaves
    /// exactly like the original under the same operations (a what-if fork diverges only by its inputs).
    /// Components implementing <see cref="IDeepClone{T}"/> are cloned; other references are shared.
    /// </summary>
    public World Clone()
    {
        ThrowIfIterating("clone the world");
        return new World(this);
    }

    /// <summary>
    /// A stable 64-bit hash of the world's entity state: each id's version, each live entity's
    /// component types and values, and the free-id order. Worlds with equal state hash equal in any
    /// process. It deliberately leaves out memory layout (archetype and row order, which set
    /// iteration order): that is a pure function of the operations applied, reproduced by
    /// <see cref="Clone"/>, and any divergence in it shows up in component values soon after.
    /// Ids are hashed in fixed pages on up to <see cref="MaxDegreeOfParallelism"/> workers and the
    /// page hashes combined in order, so the result does not depend on the worker count.
    /// </summary>
    public ulong ComputeHash()
    {
        int count = _slots.Count;
        int pages = (count + HashPageSize - 1) / HashPageSize;
        var pageHashes = new ulong[pages];
        if (pages > 1 && MaxDegreeOfParallelism > 1)
        {
            Parallel.For(0, pages, new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism }, p => pageHashes[p] = HashIds(p, count));
        }
        else
        {
            for (int p = 0; p < pages; p++)
            {
                pageHashes[p] = HashIds(p, count);
            }
        }
        var hasher = new StableHasher(HashSeed);
        hasher.Add(count);
        foreach (ulong page in pageHashes)
        {
            hasher.Add(page);
        }
        hasher.Add(_freeCount);
        for (int i = 0; i < _freeCount; i++)
        {
            hasher.Add(_free[i]);
        }
        return hasher.Finish();
    }

    /// <summary>Hashes one page of ids: version, then for live ones the type set and each component in stable type order.</summary>
    private ulong HashIds(int page, int count)
    {
        var hasher = new StableHasher((ulong)page);
        for (int id = page * HashPageSize, end = Math.Min(count, (page + 1) * HashPageSize); id < end; id++)
        {
            ref var slot = ref _slots[id];
            hasher.Add(slot.Version);
            var chunk = slot.Chunk;
            if (chunk is null)
            {
                hasher.Add(-1);
                continue;
            }
            var archetype = chunk.Archetype;
            hasher.Add(archetype.SignatureKey);
            foreach (int column in archetype.HashOrder)
            {
                var type = archetype.Types[column];
                int bytes = type.RawHashBytes;
                if (bytes > 0)
                {
                    ref byte first = ref MemoryMarshal.GetArrayDataReference(chunk.Columns[column]);
                    hasher.AddUnprefixed(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref first, slot.Row * type.Size), bytes));
                }
                else if (bytes < 0)
                {
                    type.HashElement(chunk.Columns[column], slot.Row, ref hasher);
                }
            }
        }
        return hasher.Finish();
    }
}
