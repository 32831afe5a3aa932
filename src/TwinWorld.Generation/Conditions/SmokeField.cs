using System.Numerics;
using TwinWorld.Simulation.Hazards.Fire;
using TwinWorld.Simulation.Hazards.Wind;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Generation.Conditions;

/// <summary>
/// Where smoke hangs this tick and how thick it is, on a grid of <see cref="BlockCells"/> x <see cref="BlockCells"/>
/// terrain cells. Each block with a burning cell sends a plume downwind (the wind at the block's centre, tornadoes
/// included), <see cref="DriftSeconds"/> x the wind speed long (at most <see cref="MaxLength"/>, at least
/// <see cref="MinLength"/>), widening by <see cref="Spread"/> of the distance each side. It thickens over the first
/// <see cref="Thickening"/> metres (so the flames under it show), then thins out towards its end (as 1 - (d / length)^1.5) and
/// to a fifth towards its edges; its top rises from <see cref="BaseTop"/> over the fire by <see cref="Rise"/> m a metre downwind, to
/// <see cref="Top"/>. In calm air (below <see cref="CalmWind"/>) the smoke stands over the fire as a column. Plumes
/// overlap by the thickest. Density 1 is smoke that dims what lies behind 8 m of it to 1/e (in perspective). Simple on purpose, and a pure
/// function of the fire and the wind, so equal states give equal smoke.
/// </summary>
internal sealed class SmokeField
{
    public const int BlockCells = 4;
    public const float DriftSeconds = 20;
    public const float MinLength = 40;
    public const float MaxLength = 260;
    public const float Spread = 0.22f;
    public const float CalmWind = 0.5f;
    public const float Thickening = 24;
    public const float BaseTop = 25;
    public const float Rise = 0.35f;

    /// <summary>The highest smoke rises (m above the ground under it).</summary>
    public const float Top = 110;

    private readonly TerrainGrid _terrain;
    private readonly int _blocksX;
    private readonly int _blocksY;
    private readonly float _blockSize;
    private readonly float[] _density;
    private readonly float[] _top;
    private readonly bool[] _source;
    private long _refreshedAt = -1;

    public SmokeField(TerrainGrid terrain)
    {
        _terrain = terrain;
        _blocksX = (terrain.Width + BlockCells - 1) / BlockCells;
        _blocksY = (terrain.Height + BlockCells - 1) / BlockCells;
        _blockSize = BlockCells * terrain.CellSize;
        _density = new float[_blocksX * _blocksY];
        _top = new float[_blocksX * _blocksY];
        _source = new bool[_blocksX * _blocksY];
    }

    /// <summary>Whether there is any smoke at all (when not, nothing needs to look).</summary>
    public bool Any { get; private set; }

    public float BlockSize => _blockSize;

    /// <summary>Works the smoke out again if the simulation has ticked since the last time (cameras share one field).</summary>
    public void Refresh(long tick, FireGrid fire, WindField wind)
    {
        if (tick == _refreshedAt)
        {
            return;
        }
        _refreshedAt = tick;
        if (Any)
        {
            Array.Clear(_density);
            Array.Clear(_top);
            Any = false;
        }
        if (fire.BurningCells == 0)
        {
            return;
        }
        int bx0 = fire.MinX / BlockCells, bx1 = fire.MaxX / BlockCells, by0 = fire.MinY / BlockCells, by1 = fire.MaxY / BlockCells;
        Array.Clear(_source);
        for (int y = fire.MinY; y <= fire.MaxY; y++)
        {
            for (int x = fire.MinX; x <= fire.MaxX; x++)
            {
                if (fire.State(_terrain.Index(x, y)) == FireState.Burning)
                {
                    _source[((y / BlockCells) * _blocksX) + (x / BlockCells)] = true;
                }
            }
        }
        for (int by = by0; by <= by1; by++)
        {
            for (int bx = bx0; bx <= bx1; bx++)
            {
                if (_source[(by * _blocksX) + bx])
                {
                    Plume(new Vector2((bx + 0.5f) * _blockSize, (by + 0.5f) * _blockSize), wind);
                }
            }
        }
    }

    /// <summary>How thick the smoke is over a point (x east, y north, m), 0 to 1: bilinear between block centres.</summary>
    public float DensityAt(Vector2 point)
    {
        float fx = (point.X / _blockSize) - 0.5f, fy = (point.Y / _blockSize) - 0.5f;
        float x0f = MathF.Floor(fx), y0f = MathF.Floor(fy);
        int x0 = (int)x0f, y0 = (int)y0f;
        float tx = fx - x0f, ty = fy - y0f;
        float a = Block(x0, y0), b = Block(x0 + 1, y0), c = Block(x0, y0 + 1), d = Block(x0 + 1, y0 + 1);
        return ((a + ((b - a) * tx)) * (1 - ty)) + ((c + ((d - c) * tx)) * ty);
    }

    /// <summary>How high (m above the ground) the smoke over the block holding a point reaches; 0 where there is none.</summary>
    public float TopAt(Vector2 point)
    {
        int bx = (int)MathF.Floor(point.X / _blockSize), by = (int)MathF.Floor(point.Y / _blockSize);
        return (uint)bx < (uint)_blocksX && (uint)by < (uint)_blocksY ? _top[(by * _blocksX) + bx] : 0;
    }

    /// <summary>The highest smoke top (m above the ground) in a square of the site, for the perspective rays' block skipping.</summary>
    public float TopIn(float x0, float y0, float size)
    {
        int bx0 = Math.Max(0, (int)MathF.Floor(x0 / _blockSize)), by0 = Math.Max(0, (int)MathF.Floor(y0 / _blockSize));
        int bx1 = Math.Min(_blocksX - 1, (int)MathF.Floor((x0 + size) / _blockSize)), by1 = Math.Min(_blocksY - 1, (int)MathF.Floor((y0 + size) / _blockSize));
        float top = 0;
        for (int by = by0; by <= by1; by++)
        {
            for (int bx = bx0; bx <= bx1; bx++)
            {
                top = MathF.Max(top, _top[(by * _blocksX) + bx]);
            }
        }
        return top;
    }

    private float Block(int bx, int by) => (uint)bx < (uint)_blocksX && (uint)by < (uint)_blocksY ? _density[(by * _blocksX) + bx] : 0;

    private void Put(int block, float density, float top)
    {
        if (density <= 0)
        {
            return;
        }
        _density[block] = MathF.Max(_density[block], MathF.Min(1, density));
        _top[block] = MathF.Max(_top[block], top);
        Any = true;
    }

    private void Plume(Vector2 source, WindField wind)
    {
        var blowing = wind.At(source);
        float speed = blowing.Length();
        if (!(speed >= CalmWind))
        {
            // A column standing over the fire: thick over the burning block, thinner round it.
            int sx = (int)(source.X / _blockSize), sy = (int)(source.Y / _blockSize);
            for (int by = Math.Max(0, sy - 1); by <= Math.Min(_blocksY - 1, sy + 1); by++)
            {
                for (int bx = Math.Max(0, sx - 1); bx <= Math.Min(_blocksX - 1, sx + 1); bx++)
                {
                    Put((by * _blocksX) + bx, bx == sx && by == sy ? 0.55f : 0.3f, BaseTop + 20);
                }
            }
            return;
        }
        var along = blowing / speed;
        float length = Math.Clamp(DriftSeconds * speed, MinLength, MaxLength);
        float reach = length + _blockSize + (Spread * length);
        int x0 = Math.Max(0, (int)MathF.Floor((source.X - reach) / _blockSize));
        int x1 = Math.Min(_blocksX - 1, (int)MathF.Floor((source.X + reach) / _blockSize));
        int y0 = Math.Max(0, (int)MathF.Floor((source.Y - reach) / _blockSize));
        int y1 = Math.Min(_blocksY - 1, (int)MathF.Floor((source.Y + reach) / _blockSize));
        for (int by = y0; by <= y1; by++)
        {
            for (int bx = x0; bx <= x1; bx++)
            {
                var offset = new Vector2((bx + 0.5f) * _blockSize, (by + 0.5f) * _blockSize) - source;
                float downwind = Vector2.Dot(offset, along);
                if (downwind < -0.5f * _blockSize || downwind > length)
                {
                    continue;
                }
                float across = MathF.Abs((offset.X * along.Y) - (offset.Y * along.X));
                float half = (0.75f * _blockSize) + (Spread * MathF.Max(0, downwind));
                if (across > half)
                {
                    continue;
                }
                float thicken = Math.Clamp((downwind + (0.5f * _blockSize)) / Thickening, 0.3f, 1);
                float share = MathF.Max(0, downwind) / length;
                float thin = 1 - (share * MathF.Sqrt(share));
                float edge = 1 - (0.8f * (across / half) * (across / half));
                Put((by * _blocksX) + bx, thicken * thin * edge, MathF.Min(Top, BaseTop + (Rise * MathF.Max(0, downwind))));
            }
        }
    }
}
