using System.Numerics;
using TwinWorld.Simulation.Hazards.Fire;
using TwinWorld.Simulation.Hazards.Wind;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Generation.Conditions;

/// <summary>
/// Where smoke hangs this tick, on a grid of <see cref="BlockCells"/> x <see cref="BlockCells"/> terrain cells.
/// Each block with a burning cell sends a plume downwind (the wind at the block's centre, tornadoes included):
/// the blocks whose centres lie from one block to <see cref="DriftSeconds"/> x wind speed (at most
/// <see cref="MaxLength"/>) downwind, within half a block plus <see cref="Spread"/> x that distance of the
/// plume's axis. Calm air (below <see cref="CalmWind"/>) carries no plume. Seen from the side, a plume
/// fills the air up to <see cref="Top"/> above the ground. Simple on purpose, and a pure function of the
/// fire and the wind, so equal states give equal smoke.
/// </summary>
internal sealed class SmokeField
{
    public const int BlockCells = 4;
    public const float DriftSeconds = 12;
    public const float MaxLength = 160;
    public const float Spread = 0.2f;
    public const float CalmWind = 0.5f;
    public const float Top = 30;

    private readonly TerrainGrid _terrain;
    private readonly int _blocksX;
    private readonly int _blocksY;
    private readonly float _blockSize;
    private readonly bool[] _smoke;
    private readonly bool[] _source;
    private long _refreshedAt = -1;

    public SmokeField(TerrainGrid terrain)
    {
        _terrain = terrain;
        _blocksX = (terrain.Width + BlockCells - 1) / BlockCells;
        _blocksY = (terrain.Height + BlockCells - 1) / BlockCells;
        _blockSize = BlockCells * terrain.CellSize;
        _smoke = new bool[_blocksX * _blocksY];
        _source = new bool[_blocksX * _blocksY];
    }

    /// <summary>Whether there is any smoke at all (when not, nothing needs to look).</summary>
    public bool Any { get; private set; }

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
            Array.Clear(_smoke);
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

    /// <summary>Whether smoke hangs over a point (x east, y north, m).</summary>
    public bool At(Vector2 point)
    {
        int bx = (int)MathF.Floor(point.X / _blockSize);
        int by = (int)MathF.Floor(point.Y / _blockSize);
        return (uint)bx < (uint)_blocksX && (uint)by < (uint)_blocksY && _smoke[(by * _blocksX) + bx];
    }

    private void Plume(Vector2 source, WindField wind)
    {
        var blowing = wind.At(source);
        float speed = blowing.Length();
        if (speed < CalmWind)
        {
            return;
        }
        var along = blowing / speed;
        float length = MathF.Min(MaxLength, DriftSeconds * speed);
        float reach = length + (_blockSize / 2) + (Spread * length);
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
                float across = MathF.Abs((offset.X * along.Y) - (offset.Y * along.X));
                if (downwind >= _blockSize * 0.99f && downwind <= length && across <= (_blockSize / 2) + (Spread * downwind))
                {
                    _smoke[(by * _blocksX) + bx] = true;
                    Any = true;
                }
            }
        }
    }
}
