namespace TwinWorld.Ecs;

// Deep copies and stable hashes of whole worlds: checkpoints, what-if forks and replay verification.
public sealed partial class World
{
    private const ulong HashSeed = 0x5457_574F_524C_4431; // "TWWORLD1": changing it changes every recorded hash

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
    /// components (by stable type key and value), and the free-id order. Worlds with equal state hash
    /// equal in any process. It deliberately leaves out memory layout (archetype and row order, which
    /// set iteration order): that is a pure function of the operations applied, reproduced by
    /// <see cref="Clone"/>, and any divergence in it shows up in component values soon after.
    /// </summary>
    public ulong ComputeHash()
    {
        var hasher = new StableHasher(HashSeed);
        hasher.Add(_slots.Count);
        for (int id = 0; id < _slots.Count; id++)
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
            hasher.Add(archetype.Types.Length);
            foreach (int column in archetype.HashOrder)
            {
                var type = archetype.Types[column];
                hasher.Add(type.StableKey);
                type.HashElement(chunk.Columns[column], slot.Row, ref hasher);
            }
        }
        hasher.Add(_freeCount);
        for (int i = 0; i < _freeCount; i++)
        {
            hasher.Add(_free[i]);
        }
        return hasher.Finish();
    }
}
