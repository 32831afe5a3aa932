using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Simulation.Hazards;

/// <summary>
/// How dangerous each cell is right now, from 0 (safe) to 1 (deadly): what agents see of hazards.
/// Hazard models (water, fire, wind) write it each tick; the sense system reads it. It keeps the
/// bounding box of dangerous cells, and the highest level in each 8 x 8 block of cells, so agents
/// far from any hazard skip looking and agents near one look closely only where there is danger.
/// </summary>
public sealed class DangerGrid
{
    /// <summary>Cells per block side.</summary>
    public const int Block = 8;

    private readonly TerrainGrid _terrain;
    private readonly float[] _level;
    private readonly float[] _blockMax;

    public DangerGrid(TerrainGrid terrain)
    {
        _terrain = terrain;
        _level = new float[terrain.CellCount];
        BlockColumns = (terrain.Width + Block - 1) / Block;
        _blockMax = new float[BlockColumns * ((terrain.Height + Block - 1) / Block)];
        ClearBounds();
    }

    public int BlockColumns { get; }

    /// <summary>At least the highest level in the block (levels that fall leave it high until <see cref="Clear"/>).</summary>
    public float BlockMax(int blockX, int blockY) => _blockMax[(blockY * BlockColumns) + blockX];

    /// <summary>Cells with danger lie within [MinX, MaxX] x [MinY, MaxY]; empty when MinX > MaxX.</summary>
    public int MinX { get; private set; }

    public int MaxX { get; private set; }

    public int MinY { get; private set; }

    public int MaxY { get; private set; }

    public bool Any => MinX <= MaxX;

    public float LevelAt(int cell) => _level[cell];

    public void Set(int cell, float level)
    {
        level = float.IsNaN(level) ? 0 : Math.Clamp(level, 0, 1);
        _level[cell] = level;
        if (level > 0)
        {
            int x = cell % _terrain.Width;
            int y = cell / _terrain.Width;
            ref float block = ref _blockMax[((y / Block) * BlockColumns) + (x / Block)];
            block = MathF.Max(block, level);
            MinX = Math.Min(MinX, x);
            MaxX = Math.Max(MaxX, x);
            MinY = Math.Min(MinY, y);
            MaxY = Math.Max(MaxY, y);
        }
    }

    /// <summary>Marks a disc of cells (a fire front, a flooded street) at the given level.</summary>
    public void MarkDisc(Vector2 centre, float radius, float level)
    {
        float cs = _terrain.CellSize;
        int y0 = (int)Math.Clamp((centre.Y - radius) / cs, 0, _terrain.Height - 1);
        int y1 = (int)Math.Clamp((centre.Y + radius) / cs, 0, _terrain.Height - 1);
        int x0 = (int)Math.Clamp((centre.X - radius) / cs, 0, _terrain.Width - 1);
        int x1 = (int)Math.Clamp((centre.X + radius) / cs, 0, _terrain.Width - 1);
        for (int y = y0; y <= y1; y++)
        {
            for (int x = x0; x <= x1; x++)
            {
                if (Vector2.DistanceSquared(_terrain.CellCentre(_terrain.Index(x, y)), centre) <= radius * radius)
                {
                    Set(_terrain.Index(x, y), level);
                }
            }
        }
    }

    public void Clear()
    {
        Array.Clear(_level);
        Array.Clear(_blockMax);
        ClearBounds();
    }

    /// <summary>Danger is world state: it goes into the tick's state hash.</summary>
    public void AppendTo(ref StableHasher hasher)
    {
        hasher.Add(MinX);
        hasher.Add(MaxX);
        hasher.Add(MinY);
        hasher.Add(MaxY);
        for (int y = MinY; y <= MaxY; y++)
        {
            for (int x = MinX; x <= MaxX; x++)
            {
                hasher.Add(_level[_terrain.Index(x, y)]);
            }
        }
    }

    private void ClearBounds()
    {
        MinX = MinY = int.MaxValue;
        MaxX = MaxY = int.MinValue;
    }
}
