using System.Numerics;
using TwinWorld.Ecs;

namespace TwinWorld.Simulation.Terrain;

/// <summary>
/// The ground: a grid of square cells with elevation (m), land use and fuel model. World coordinates
/// are metres from the grid's south-west corner, x east and y north; cell (x, y) covers
/// [x, x+1) * CellSize by [y, y+1) * CellSize and is stored at index y * Width + x.
/// </summary>
public sealed class TerrainGrid
{
    public TerrainGrid(int width, int height, float cellSize)
    {
        if (width < 2 || height < 2 || width > 8192 || height > 8192)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A terrain grid must be 2 to 8192 cells each way; got {width} x {height}.");
        }
        if (!(cellSize > 0 && cellSize <= 1000))
        {
            throw new ArgumentOutOfRangeException(nameof(cellSize), cellSize, "Cell size must be between 0 and 1000 m.");
        }
        Width = width;
        Height = height;
        CellSize = cellSize;
        Elevation = new float[width * height];
        LandUse = new LandUse[width * height];
        Fuel = new byte[width * height];
    }

    public int Width { get; }

    public int Height { get; }

    public float CellSize { get; }

    public float WidthMetres => Width * CellSize;

    public float HeightMetres => Height * CellSize;

    public float[] Elevation { get; }

    public LandUse[] LandUse { get; }

    /// <summary>Anderson fuel model per cell (1 to 13), 0 where nothing burns.</summary>
    public byte[] Fuel { get; }

    public int CellCount => Width * Height;

    public int Index(int x, int y) => (y * Width) + x;

    public bool Contains(int x, int y) => (uint)x < (uint)Width && (uint)y < (uint)Height;

    /// <summary>The index of the cell containing a point, or -1 outside the grid.</summary>
    public int IndexAt(Vector2 point)
    {
        int x = (int)MathF.Floor(point.X / CellSize);
        int y = (int)MathF.Floor(point.Y / CellSize);
        return Contains(x, y) ? Index(x, y) : -1;
    }

    /// <summary>The cells (x0..x1, y0..y1 inclusive, clamped to the grid) of the square that holds a disc; empty when it misses the grid.</summary>
    public (int X0, int X1, int Y0, int Y1) CellBox(Vector2 centre, float radius)
    {
        radius = MathF.Min(radius, WidthMetres + HeightMetres);
        return (
            Math.Max(0, (int)MathF.Floor((centre.X - radius) / CellSize)),
            Math.Min(Width - 1, (int)MathF.Floor((centre.X + radius) / CellSize)),
            Math.Max(0, (int)MathF.Floor((centre.Y - radius) / CellSize)),
            Math.Min(Height - 1, (int)MathF.Floor((centre.Y + radius) / CellSize)));
    }

    public Vector2 CellCentre(int index) => new(((index % Width) + 0.5f) * CellSize, ((index / Width) + 0.5f) * CellSize);

    public bool IsWalkable(int index) => index >= 0 && LandUseTraits.IsWalkable(LandUse[index]);

    public bool IsWalkableAt(Vector2 point) => IsWalkable(IndexAt(point));

    /// <summary>Elevation at a point, bilinear between cell centres, clamped at the edges.</summary>
    public float ElevationAt(Vector2 point)
    {
        float fx = Math.Clamp((point.X / CellSize) - 0.5f, 0, Width - 1.001f);
        float fy = Math.Clamp((point.Y / CellSize) - 0.5f, 0, Height - 1.001f);
        int x = (int)fx;
        int y = (int)fy;
        float tx = fx - x;
        float ty = fy - y;
        float a = Elevation[Index(x, y)] + ((Elevation[Index(x + 1, y)] - Elevation[Index(x, y)]) * tx);
        float b = Elevation[Index(x, y + 1)] + ((Elevation[Index(x + 1, y + 1)] - Elevation[Index(x, y + 1)]) * tx);
        return a + ((b - a) * ty);
    }

    /// <summary>Fills fuel from land use, for terrain whose fuel was not given separately.</summary>
    public void FuelFromLandUse()
    {
        for (int i = 0; i < CellCount; i++)
        {
            Fuel[i] = LandUseTraits.FuelModel(LandUse[i]);
        }
    }

    /// <summary>A stable hash of the whole grid, for recordings to check they replay on the same ground.</summary>
    public ulong ComputeHash()
    {
        var hasher = new StableHasher(0x5445525241494E31); // "TERRAIN1"
        hasher.Add(Width);
        hasher.Add(Height);
        hasher.Add(CellSize);
        foreach (float e in Elevation)
        {
            hasher.Add(e);
        }
        hasher.Add(System.Runtime.InteropServices.MemoryMarshal.AsBytes(LandUse.AsSpan()));
        hasher.Add(Fuel);
        return hasher.Finish();
    }
}
