namespace TwinWorld.Ecs;

/// <summary>
/// All entities with exactly one set of component types, packed densely into chunks: every chunk is
/// full except the last, and removal swaps the last entity into the hole, so iteration never sees gaps.
/// </summary>
internal sealed class Archetype
{
    /// <summary>
    /// An archetype's first chunk holds about 16 KiB (rows of entity id plus components), so a rare
    /// archetype costs little; each further chunk doubles, up to about 256 KiB. A large archetype thus
    /// lives in a few long chunks: 100,000 rows of one int make 8 chunks, not 74, and each chunk costs a
    /// job call, span look-ups and a loop start and exit. Chunks are never moved, so references into them
    /// stay valid while rows are added.
    /// </summary>
    public const int FirstChunkBytes = 16 * 1024;

    public const int MaxChunkBytes = 256 * 1024;

    /// <summary>
    /// Chunk capacities are multiples of this many rows (where a chunk holds that many), so a full chunk's
    /// columns are whole 64-byte lines and a SIMD loop over one has no scalar tail.
    /// </summary>
    public const int RowMultiple = 64;

    /// <summary>
    /// What a chunk held before 2026-12-08, when every chunk was 16 KiB: the per-type and structure hashes
    /// still take columns in pieces of this many rows, since the hash of a span depends on where it is
    /// cut and recorded state hashes must stay valid.
    /// </summary>
    private const int HashSegmentBytes = 16 * 1024;

    private readonly int[] _columnById;
    private readonly int _firstCapacity;
    private readonly int _maxCapacity;
    private ArchetypeEdge?[] _addEdges = [];
    private ArchetypeEdge?[] _removeEdges = [];
    private Chunk[] _chunks = [];

    public Archetype(ComponentSet set)
    {
        Set = set;
        Types = set.Ids().Select(ComponentType.FromId).ToArray();
        _columnById = new int[Types.Length == 0 ? 0 : Types[^1].Id + 1];
        Array.Fill(_columnById, -1);
        for (int i = 0; i < Types.Length; i++)
        {
            _columnById[Types[i].Id] = i;
        }
        int rowBytes = System.Runtime.CompilerServices.Unsafe.SizeOf<Entity>() + Types.Sum(t => t.Size);
        HashSegmentRows = Math.Max(1, HashSegmentBytes / rowBytes);
        _firstCapacity = RowsIn(FirstChunkBytes, rowBytes);
        _maxCapacity = RowsIn(MaxChunkBytes, rowBytes);
        HashOrder = Enumerable.Range(0, Types.Length).OrderBy(i => Types[i].StableKey).ToArray();
        var signature = new StableHasher(0x5349474E); // "SIGN"
        signature.Add(Types.Length);
        foreach (int column in HashOrder)
        {
            signature.Add(Types[column].StableKey);
        }
        SignatureKey = signature.Finish();
    }

    /// <summary>A stable hash of the component types (not their ids), so an entity hashes its type set in one word.</summary>
    public ulong SignatureKey { get; }

    public ComponentSet Set { get; }

    /// <summary>Component types in ascending id order; column i holds Types[i].</summary>
    public ComponentType[] Types { get; }

    /// <summary>Column indexes in ascending <see cref="ComponentType.StableKey"/> order, for hashing.</summary>
    public int[] HashOrder { get; }

    /// <summary>Rows per piece when hashing a column in storage order (see <see cref="HashSegmentBytes"/>).</summary>
    public int HashSegmentRows { get; }

    public int ChunkCount { get; private set; }

    public int Count { get; private set; }

    public Chunk GetChunk(int index) => _chunks[index];

    public int ColumnOf(int componentId)
        => (uint)componentId < (uint)_columnById.Length ? _columnById[componentId] : -1;

    public bool Has(int componentId) => ColumnOf(componentId) >= 0;

    /// <summary>Appends an entity at the end and returns its position; the caller writes its components.</summary>
    public Chunk AddRow(Entity entity, out int row)
    {
        var chunk = ChunkWithSpace();
        row = chunk.Count++;
        chunk.Entities[row] = entity;
        Count++;
        return chunk;
    }

    /// <summary>Appends up to <paramref name="wanted"/> rows to the last chunk; returns how many.</summary>
    public int AddRows(int wanted, out Chunk chunk, out int start)
    {
        chunk = ChunkWithSpace();
        start = chunk.Count;
        int added = Math.Min(wanted, chunk.Capacity - start);
        chunk.Count += added;
        Count += added;
        return added;
    }

    /// <summary>
    /// Removes a row by moving the archetype's last row into it. Returns the entity that moved into
    /// (chunk, row), or <see cref="Entity.Null"/> when the removed row was the last one.
    /// </summary>
    public Entity RemoveRow(Chunk chunk, int row)
    {
        var last = _chunks[ChunkCount - 1];
        int lastRow = last.Count - 1;
        var moved = Entity.Null;
        if (last != chunk || lastRow != row)
        {
            for (int c = 0; c < Types.Length; c++)
            {
                Types[c].CopyElement(last.Columns[c], lastRow, chunk.Columns[c], row);
            }
            moved = chunk.Entities[row] = last.Entities[lastRow];
        }
        for (int c = 0; c < Types.Length; c++)
        {
            Types[c].ClearElement(last.Columns[c], lastRow);
        }
        last.Count--;
        Count--;
        if (last.Count == 0)
        {
            ChunkCount--;
        }
        return moved;
    }

    public ArchetypeEdge? AddEdge(int componentId) => EdgeAt(_addEdges, componentId);

    public ArchetypeEdge? RemoveEdge(int componentId) => EdgeAt(_removeEdges, componentId);

    public void SetAddEdge(int componentId, ArchetypeEdge edge) => StoreEdge(ref _addEdges, componentId, edge);

    public void SetRemoveEdge(int componentId, ArchetypeEdge edge) => StoreEdge(ref _removeEdges, componentId, edge);

    /// <summary>A copy with the same chunks in the same order, so the copy iterates exactly as this does.</summary>
    public Archetype Clone()
    {
        var copy = new Archetype(Set) { ChunkCount = ChunkCount, Count = Count };
        copy._chunks = new Chunk[ChunkCount];
        for (int i = 0; i < ChunkCount; i++)
        {
            copy._chunks[i] = _chunks[i].Clone(copy, Types);
        }
        return copy;
    }

    public override string ToString() => Set.ToString();

    private Chunk ChunkWithSpace()
    {
        if (ChunkCount > 0 && _chunks[ChunkCount - 1].Count < _chunks[ChunkCount - 1].Capacity)
        {
            return _chunks[ChunkCount - 1];
        }
        if (ChunkCount == _chunks.Length)
        {
            Array.Resize(ref _chunks, Math.Max(4, _chunks.Length * 2));
        }
        // Emptied chunks stay allocated and are reused, so add/remove churn does not allocate.
        var chunk = _chunks[ChunkCount] ??= new Chunk(this, Types, CapacityOf(ChunkCount));
        ChunkCount++;
        return chunk;
    }

    /// <summary>The capacity of the chunk at an index: a function of the index alone, so clones and reloads lay rows out alike.</summary>
    private int CapacityOf(int chunkIndex)
    {
        long doubled = (long)_firstCapacity << Math.Min(chunkIndex, 30);
        return (int)Math.Min(doubled, _maxCapacity);
    }

    private static int RowsIn(int bytes, int rowBytes)
    {
        int rows = Math.Max(1, bytes / rowBytes);
        return rows >= RowMultiple ? rows - (rows % RowMultiple) : rows;
    }

    private static ArchetypeEdge? EdgeAt(ArchetypeEdge?[] edges, int componentId)
        => (uint)componentId < (uint)edges.Length ? edges[componentId] : null;

    private static void StoreEdge(ref ArchetypeEdge?[] edges, int componentId, ArchetypeEdge edge)
    {
        if (componentId >= edges.Length)
        {
            Array.Resize(ref edges, componentId + 8);
        }
        edges[componentId] = edge;
    }
}
