using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Simulation.Hazards;

/// <summary>
/// How dangerous each cell is right now, from 0 (safe) to 1 (deadly): what agents see of hazards.
/// Hazard models (water, fire, wind) write it each tick; the sense system reads it. It keeps the
/// bounding box of dangerous cells, so agents far from any hazard skip looking.
/// </summary>
public sealed class DangerGrid
{
    private readonly TerrainGrid _terrain;
    private readonly float[] _level;

    public DangerGrid(TerrainGrid terrain)
    {
        _terrain = terrain;
        _level = new float[terrain.CellCount];
        ClearBounds();
    }

    /// <summary>Cells with danger lie within [MinX, MaxX] x [MinY, MaxY]; empty when MinX > MaxX.</summary>
    public int MinX { get; private set; }

    public int MaxX { get; private set; }

    public int MinY { get; private set; }

    public int MaxY { get; private set; }

    public bool Any => MinX <= MaxX;

    public float LevelAt(int cell) => _level[cell];

    public void Set(int cell, float level)
    {
        _level[cell] = Math.Clamp(level, 0, 1);
        if (level > 0)
        {
            int x = cell % _terrain.Width;
            int y = cell / _terrain.Width;
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
        for (int y = (int)((centre.Y - radius) / cs); y <= (int)((centre.Y + radius) / cs); y++)
        {
            for (int x = (int)((centre.X - radius) / cs); x <= (int)((centre.X + radius) / cs); x++)
            {
                if (_terrain.Contains(x, y) && Vector2.DistanceSquared(_terrain.CellCentre(_terrain.Index(x, y)), centre) <= radius * radius)
                {
                    Set(_terrain.Index(x, y), level);
                }
            }
        }
    }

    public void Clear()
    {
        Array.Clear(_level);
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
