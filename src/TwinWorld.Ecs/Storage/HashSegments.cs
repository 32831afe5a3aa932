namespace TwinWorld.Ecs;

/// <summary>
/// Walks an archetype's rows in storage order in segments of <see cref="Archetype.HashSegmentRows"/> rows
/// (what a chunk held before 2026-12-08, when chunks were all 16 KiB), each piece as runs that lie in
/// one chunk each. The per-type hashes and snapshots cut columns at these pieces, so recorded hashes and
/// snapshot bytes stay what they were whatever this build's chunk sizes are.
/// </summary>
internal struct HashSegments(Archetype archetype)
{
    private int _chunkIndex;
    private int _offset;
    private int _left = archetype.Count;
    private int _pieceLeft;

    /// <summary>The number of pieces: one a former chunk.</summary>
    public readonly int PieceCount => (archetype.Count + archetype.HashSegmentRows - 1) / archetype.HashSegmentRows;

    public Chunk Chunk { get; private set; } = null!;

    /// <summary>The run's first row in <see cref="Chunk"/>.</summary>
    public int Start { get; private set; }

    public int Count { get; private set; }

    /// <summary>Rows in the piece this run belongs to.</summary>
    public int PieceRows { get; private set; }

    public readonly bool StartsPiece => _pieceLeft + Count == PieceRows;

    public readonly bool EndsPiece => _pieceLeft == 0;

    /// <summary>Moves to the next run; false after the last.</summary>
    public bool MoveNext()
    {
        if (_pieceLeft == 0)
        {
            if (_left == 0)
            {
                return false;
            }
            PieceRows = _pieceLeft = Math.Min(archetype.HashSegmentRows, _left);
            _left -= PieceRows;
        }
        var chunk = archetype.GetChunk(_chunkIndex);
        if (_offset == chunk.Count)
        {
            chunk = archetype.GetChunk(++_chunkIndex);
            _offset = 0;
        }
        Chunk = chunk;
        Start = _offset;
        Count = Math.Min(_pieceLeft, chunk.Count - _offset);
        _offset += Count;
        _pieceLeft -= Count;
        return true;
    }
}
