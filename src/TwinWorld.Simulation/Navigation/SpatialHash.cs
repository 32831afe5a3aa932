using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TwinWorld.Ecs;

namespace TwinWorld.Simulation.Navigation;

/// <summary>
/// Agents bucketed by 2 m cell, rebuilt each tick with a counting sort in query order, so bucket
/// order is deterministic. It holds a copy of the positions it was built from: the act system reads
/// neighbours from the copy while writing new positions, so no agent sees a half-updated neighbour
/// and results do not depend on which thread moved whom first.
/// A town of 2 m cells has a quarter of a million of them and a few thousand agents, so the index is
/// kept small: a bitmap of occupied cells, each 64-cell word's count of occupied cells before it,
/// and the sorted start of each occupied cell in cell order. A cell's start is then found with a
/// popcount, a rebuild costs in proportion to the agents, and a query touches a few kilobytes that
/// stay in cache rather than a map-sized table.
/// </summary>
internal sealed class SpatialHash
{
    public const float CellSize = 2f;

    private const int Lanes = 4;

    private readonly int _columns;
    private readonly int _rows;

    // A bit per cell, set where an agent was added since the last Clear (one spare word, so the end
    // of the last cell has a word too).
    private readonly ulong[] _occupied;

    // Per bitmap word, how many occupied cells come before it.
    private readonly int[] _occupiedBefore;

    // Agents per cell, counted as they are added; zero again for every cell after Clear.
    private readonly int[] _cellCount;

    // Where the r-th occupied cell starts in the sorted arrays, plus Count at the end.
    private int[] _cellStart = [0];
    private int[] _cellOf = [];
    private int[] _rankInCell = [];
    private Vector2[] _positions = [];
    private int[] _ids = [];
    // Sorted positions as separate x and y arrays, so candidate distances are tested a vector at a time.
    private float[] _sortedX = [];
    private float[] _sortedY = [];
    private int[] _sortedIds = [];

    public SpatialHash(float widthMetres, float heightMetres)
    {
        _columns = (int)MathF.Ceiling(widthMetres / CellSize) + 1;
        _rows = (int)MathF.Ceiling(heightMetres / CellSize) + 1;
        _cellCount = new int[_columns * _rows];
        _occupied = new ulong[((_columns * _rows) / 64) + 1];
        _occupiedBefore = new int[_occupied.Length];
    }

    public int Count { get; private set; }

    /// <summary>Starts a rebuild; then <see cref="Add"/> every agent and call <see cref="Build"/>.</summary>
    public void Clear(int capacity)
    {
        for (int i = 0; i < Count; i++)
        {
            int cell = _cellOf[i];
            _cellCount[cell] = 0;
            _occupied[cell >> 6] = 0;
        }
        Count = 0;
        if (_positions.Length < capacity)
        {
            int size = Math.Max(capacity, _positions.Length * 2);
            _positions = new Vector2[size];
            _ids = new int[size];
            _cellOf = new int[size];
            _rankInCell = new int[size];
            _cellStart = new int[size + 1];
            _sortedX = new float[size + Lanes];
            _sortedY = new float[size + Lanes];
            _sortedIds = new int[size];
        }
    }

    public void Add(Entity entity, Vector2 position)
    {
        // Counting as agents arrive: each one's rank in its cell is its place there in add order.
        int cell = CellOf(position);
        _positions[Count] = position;
        _ids[Count] = entity.Id;
        _cellOf[Count] = cell;
        _rankInCell[Count] = _cellCount[cell]++;
        _occupied[cell >> 6] |= 1UL << cell;
        Count++;
    }

    public void Build()
    {
        // Starts of the occupied cells in cell order; then each agent goes to its cell's start plus its rank (stable).
        int occupied = 0;
        int next = 0;
        for (int word = 0; word < _occupied.Length; word++)
        {
            _occupiedBefore[word] = occupied;
            for (ulong bits = _occupied[word]; bits != 0; bits &= bits - 1)
            {
                _cellStart[occupied++] = next;
                next += _cellCount[(word << 6) + BitOperations.TrailingZeroCount(bits)];
            }
        }
        _cellStart[occupied] = next;
        for (int i = 0; i < Count; i++)
        {
            int slot = _cellStart[OccupiedBefore(_cellOf[i])] + _rankInCell[i];
            _sortedX[slot] = _positions[i].X;
            _sortedY[slot] = _positions[i].Y;
            _sortedIds[slot] = _ids[i];
        }
    }

    /// <summary>
    /// Calls the visitor for every other agent within the radius, in a fixed order (row by row, then
    /// storage order). Candidates are distance-tested four at a time, the last block masked to the
    /// range, and only those in range are visited: a query has few candidates, so this spares the
    /// branch per candidate. The arithmetic is the same as a scalar loop's, lane by lane.
    /// </summary>
    public void ForEachNear<TVisitor>(Vector2 at, float radius, int selfId, ref TVisitor visitor)
        where TVisitor : struct, INeighbourVisitor
    {
        int x0 = Math.Max(0, (int)((at.X - radius) / CellSize));
        int x1 = Math.Min(_columns - 1, (int)((at.X + radius) / CellSize));
        int y0 = Math.Max(0, (int)((at.Y - radius) / CellSize));
        int y1 = Math.Min(_rows - 1, (int)((at.Y + radius) / CellSize));
        ref float xs = ref MemoryMarshal.GetArrayDataReference(_sortedX);
        ref float ys = ref MemoryMarshal.GetArrayDataReference(_sortedY);
        var ax = Vector128.Create(at.X);
        var ay = Vector128.Create(at.Y);
        var limit = Vector128.Create(radius * radius);
        for (int y = y0; y <= y1; y++)
        {
            // A row's cells x0..x1 are contiguous in the sorted arrays: from where x0 starts to where x1 + 1 does.
            int k = _cellStart[OccupiedBefore((y * _columns) + x0)];
            int stop = _cellStart[OccupiedBefore((y * _columns) + x1 + 1)];
            for (; k < stop; k += Lanes)
            {
                // The sorted arrays have a block's slack at the end, so a block may read past the range.
                var dx = Vector128.LoadUnsafe(ref xs, (nuint)k) - ax;
                var dy = Vector128.LoadUnsafe(ref ys, (nuint)k) - ay;
                uint near = Vector128.LessThan((dx * dx) + (dy * dy), limit).ExtractMostSignificantBits()
                    & ((1u << Math.Min(stop - k, Lanes)) - 1);
                for (; near != 0; near &= near - 1)
                {
                    int j = k + BitOperations.TrailingZeroCount(near);
                    if (_sortedIds[j] != selfId)
                    {
                        var offset = new Vector2(_sortedX[j] - at.X, _sortedY[j] - at.Y);
                        visitor.Visit(offset, (offset.X * offset.X) + (offset.Y * offset.Y), _sortedIds[j]);
                    }
                }
            }
        }
    }

    private int CellOf(Vector2 p)
    {
        int x = Math.Clamp((int)(p.X / CellSize), 0, _columns - 1);
        int y = Math.Clamp((int)(p.Y / CellSize), 0, _rows - 1);
        return (y * _columns) + x;
    }

    /// <summary>How many occupied cells come before a cell: the rank of its start in <see cref="_cellStart"/>.</summary>
    private int OccupiedBefore(int cell)
        => _occupiedBefore[cell >> 6] + BitOperations.PopCount(_occupied[cell >> 6] & ((1UL << cell) - 1));
}
