using System.Numerics;
using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Simulation.Hazards;

/// <summary>
/// A per-cell level that hazards write each tick and agents search: danger from 0 (safe) to 1
/// (deadly), or the fireline intensity of burning cells. It keeps the bounding box of cells with a
/// level, and the highest level in each 8 x 8 block, so a search far from any hazard costs nothing
/// and a search near one looks closely only at blocks that reach the threshold.
/// </summary>
public sealed class HazardField : IEvolvingState
{
    /// <summary>Cells per block side.</summary>
    public const int Block = 8;

    private readonly TerrainGrid _terrain;
    private readonly float[] _level;
    private readonly float[] _blockMax;
    private readonly float _maxLevel;
    private CellBox _bounds = CellBox.Empty;

    public HazardField(TerrainGrid terrain, float maxLevel = 1)
    {
        _terrain = terrain;
        _maxLevel = maxLevel;
        _level = new float[terrain.CellCount];
        BlockColumns = (terrain.Width + Block - 1) / Block;
        _blockMax = new float[BlockColumns * ((terrain.Height + Block - 1) / Block)];
    }

    public int BlockColumns { get; }

    /// <summary>The highest level in the block since the last <see cref="Clear"/>.</summary>
    public float BlockMax(int blockX, int blockY) => _blockMax[(blockY * BlockColumns) + blockX];

    /// <summary>Cells with a level lie within [MinX, MaxX] x [MinY, MaxY]; empty when MinX > MaxX.</summary>
    public int MinX => _bounds.MinX;

    public int MaxX => _bounds.MaxX;

    public int MinY => _bounds.MinY;

    public int MaxY => _bounds.MaxY;

    public bool Any => !_bounds.IsEmpty;

    public float LevelAt(int cell) => _level[cell];

    /// <summary>Cells west to east, as in the terrain.</summary>
    public int Width => _terrain.Width;

    /// <summary>Raises a cell to the level (clamped to 0..max); a lower level leaves it as it is.</summary>
    public void Raise(int cell, float level) => Raise(cell % _terrain.Width, cell / _terrain.Width, level);

    /// <summary>Raises the cell at column x of row y, as <see cref="Raise(int, float)"/>.</summary>
    public void Raise(int x, int y, float level) => RaiseRun(x, y, new ReadOnlySpan<float>(in level));

    /// <summary>Raises cells x, x + 1, ... of row y to the levels, each as <see cref="Raise(int, float)"/>: the bounds are widened once for the run.</summary>
    public void RaiseRun(int x, int y, ReadOnlySpan<float> levels)
    {
        var cells = _level.AsSpan((y * _terrain.Width) + x, levels.Length);
        int blockRow = y / Block * BlockColumns;
        int first = -1;
        int last = -1;
        for (int i = 0; i < levels.Length; i++)
        {
            float level = float.IsNaN(levels[i]) ? 0 : Math.Clamp(levels[i], 0, _maxLevel);
            if (level <= cells[i])
            {
                continue;
            }
            cells[i] = level;
            ref float block = ref _blockMax[blockRow + ((x + i) / Block)];
            block = MathF.Max(block, level);
            first = first < 0 ? i : first;
            last = i;
        }
        if (first >= 0)
        {
            _bounds.Include(x + first, x + last, y);
        }
    }

    /// <summary>Back to all zero, touching only the cells inside the bounds.</summary>
    public void Clear()
    {
        if (!Any)
        {
            return;
        }
        for (int y = MinY; y <= MaxY; y++)
        {
            Array.Clear(_level, _terrain.Index(MinX, y), MaxX - MinX + 1);
        }
        for (int by = MinY / Block; by <= MaxY / Block; by++)
        {
            Array.Clear(_blockMax, (by * BlockColumns) + (MinX / Block), (MaxX / Block) - (MinX / Block) + 1);
        }
        _bounds = CellBox.Empty;
    }

    /// <summary>
    /// The nearest cell centre at or above the threshold within the radius, with its distance and
    /// cell index; distance +infinity and cell -1 when there is none. Exact: every cell in range is
    /// considered, but only inside blocks whose highest level reaches the threshold.
    /// </summary>
    public (Vector2 At, float Distance, int Cell) Nearest(Vector2 at, float radius, float threshold)
    {
        if (!Any)
        {
            return (default, float.PositiveInfinity, -1);
        }
        float cs = _terrain.CellSize;
        int x0 = Math.Max(MinX, (int)MathF.Floor((at.X - radius) / cs));
        int x1 = Math.Min(MaxX, (int)MathF.Floor((at.X + radius) / cs));
        int y0 = Math.Max(MinY, (int)MathF.Floor((at.Y - radius) / cs));
        int y1 = Math.Min(MaxY, (int)MathF.Floor((at.Y + radius) / cs));
        float best = radius * radius;
        int bestCell = -1;
        for (int by = y0 / Block; by <= y1 / Block && y0 <= y1; by++)
        {
            for (int bx = x0 / Block; bx <= x1 / Block && x0 <= x1; bx++)
            {
                if (BlockMax(bx, by) < threshold)
                {
                    continue;
                }
                for (int y = Math.Max(y0, by * Block); y <= Math.Min(y1, (by * Block) + Block - 1); y++)
                {
                    for (int x = Math.Max(x0, bx * Block); x <= Math.Min(x1, (bx * Block) + Block - 1); x++)
                    {
                        int cell = _terrain.Index(x, y);
                        if (_level[cell] < threshold)
                        {
                            continue;
                        }
                        float d2 = Vector2.DistanceSquared(_terrain.CellCentre(cell), at);
                        if (d2 <= best)
                        {
                            best = d2;
                            bestCell = cell;
                        }
                    }
                }
            }
        }
        return bestCell < 0 ? (default, float.PositiveInfinity, -1) : (_terrain.CellCentre(bestCell), MathF.Sqrt(best), bestCell);
    }

    /// <summary>The levels are world state; the block maxima follow from them.</summary>
    public void Walk(StateWalk walk)
    {
        walk.Value(ref _bounds);
        walk.Cells(_level, Width, _bounds);
        walk.Derived(w => w.Cells(_blockMax));
    }
}
