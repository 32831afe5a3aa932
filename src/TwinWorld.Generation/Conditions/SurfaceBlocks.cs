using System.Numerics;
using TwinWorld.Simulation.Hazards.Fire;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Generation.Conditions;

/// <summary>
/// The highest thing a ray can meet in each block of <see cref="BlockCells"/> x <see cref="BlockCells"/> cells this
/// tick (ground, water, undamaged roofs, flames, smoke plumes), so a perspective ray skips whole blocks it passes over; and
/// the highest thing along the site's edge, beyond which the edge cells go on, so a ray that leaves the site above
/// it rising is sky. Refreshed once a tick for all cameras.
/// </summary>
internal sealed class SurfaceBlocks
{
    public const int BlockCells = 8;

    private readonly SceneCells _cells;
    private readonly TerrainGrid _terrain;
    private readonly int _blocksX;
    private readonly int _blocksY;
    private readonly float _blockSize;
    private readonly float[] _fixed;
    private readonly float[] _bedMax;
    private readonly float[] _top;
    private long _refreshedAt = -1;

    public SurfaceBlocks(SceneCells cells)
    {
        _cells = cells;
        _terrain = cells.Terrain;
        _blocksX = (_terrain.Width + BlockCells - 1) / BlockCells;
        _blocksY = (_terrain.Height + BlockCells - 1) / BlockCells;
        _blockSize = BlockCells * _terrain.CellSize;
        _fixed = new float[_blocksX * _blocksY];
        _bedMax = new float[_blocksX * _blocksY];
        _top = new float[_blocksX * _blocksY];
        Array.Fill(_fixed, float.MinValue);
        Array.Fill(_bedMax, float.MinValue);
        // Ground and roofs as built: damage only lowers roofs, so this stays an upper bound.
        for (int y = 0; y < _terrain.Height; y++)
        {
            for (int x = 0; x < _terrain.Width; x++)
            {
                int cell = _terrain.Index(x, y), block = ((y / BlockCells) * _blocksX) + (x / BlockCells);
                float bed = _terrain.Elevation[cell];
                _bedMax[block] = MathF.Max(_bedMax[block], bed);
                _fixed[block] = MathF.Max(_fixed[block], bed + (_terrain.LandUse[cell] == LandUse.Building ? SceneCells.TallestStructure : 0));
            }
        }
    }

    public float BlockSize => _blockSize;

    /// <summary>The highest surface on the site's edge cells (which go on beyond it) this tick.</summary>
    public float EdgeTop { get; private set; }

    /// <summary>The highest thing anywhere this tick: a ray above it that does not descend meets nothing.</summary>
    public float Highest { get; private set; }

    public void Refresh(long tick, SmokeField smoke, FireGrid fire)
    {
        if (tick == _refreshedAt)
        {
            return;
        }
        _refreshedAt = tick;
        Array.Copy(_fixed, _top, _top.Length);
        var bed = _terrain.Elevation;
        for (int y = 0; y < _terrain.Height; y++)
        {
            int row = (y / BlockCells) * _blocksX;
            for (int x = 0; x < _terrain.Width; x++)
            {
                int cell = _terrain.Index(x, y);
                float depth = _cells.WaterDepth(cell);
                if (depth >= SceneCells.WetDepth)
                {
                    ref float top = ref _top[row + (x / BlockCells)];
                    top = MathF.Max(top, bed[cell] + depth);
                }
            }
        }
        if (fire.BurningCells > 0)
        {
            for (int y = Math.Max(0, fire.MinY); y <= Math.Min(_terrain.Height - 1, fire.MaxY); y++)
            {
                for (int x = Math.Max(0, fire.MinX); x <= Math.Min(_terrain.Width - 1, fire.MaxX); x++)
                {
                    int cell = _terrain.Index(x, y);
                    float flames = _cells.FlameHeight(cell);
                    if (flames > 0)
                    {
                        ref float top = ref _top[((y / BlockCells) * _blocksX) + (x / BlockCells)];
                        top = MathF.Max(top, bed[cell] + flames);
                    }
                }
            }
        }
        if (smoke.Any)
        {
            for (int by = 0; by < _blocksY; by++)
            {
                for (int bx = 0; bx < _blocksX; bx++)
                {
                    float plume = smoke.TopIn(bx * _blockSize, by * _blockSize, _blockSize * 0.999f);
                    if (plume > 0)
                    {
                        int block = (by * _blocksX) + bx;
                        _top[block] = MathF.Max(_top[block], _bedMax[block] + plume);
                    }
                }
            }
        }
        float edge = float.MinValue;
        for (int x = 0; x < _terrain.Width; x++)
        {
            edge = MathF.Max(edge, MathF.Max(_cells.SurfaceTop(_terrain.Index(x, 0)), _cells.SurfaceTop(_terrain.Index(x, _terrain.Height - 1))));
        }
        for (int y = 0; y < _terrain.Height; y++)
        {
            edge = MathF.Max(edge, MathF.Max(_cells.SurfaceTop(_terrain.Index(0, y)), _cells.SurfaceTop(_terrain.Index(_terrain.Width - 1, y))));
        }
        EdgeTop = edge;
        float highest = edge;
        foreach (float top in _top)
        {
            highest = MathF.Max(highest, top);
        }
        Highest = highest;
    }

    /// <summary>The block a point on the site lies in, or -1 off the site.</summary>
    public int BlockAt(float x, float y)
    {
        int bx = (int)MathF.Floor(x / _blockSize), by = (int)MathF.Floor(y / _blockSize);
        return bx >= 0 && by >= 0 && bx < _blocksX && by < _blocksY && x < _terrain.WidthMetres && y < _terrain.HeightMetres ? (by * _blocksX) + bx : -1;
    }

    public float Top(int block) => _top[block];

    /// <summary>How much further along a ray (unit xy steps dx, dy per metre of ray) the point leaves its block.</summary>
    public float Exit(int block, Vector3 at, float dx, float dy)
    {
        float x0 = block % _blocksX * _blockSize, y0 = block / _blocksX * _blockSize;
        float tx = dx > 0 ? (x0 + _blockSize - at.X) / dx : dx < 0 ? (x0 - at.X) / dx : float.PositiveInfinity;
        float ty = dy > 0 ? (y0 + _blockSize - at.Y) / dy : dy < 0 ? (y0 - at.Y) / dy : float.PositiveInfinity;
        return MathF.Max(0, MathF.Min(tx, ty));
    }
}
