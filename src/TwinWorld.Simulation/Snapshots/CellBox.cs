namespace TwinWorld.Simulation.Snapshots;

/// <summary>
/// The box [MinX, MaxX] x [MinY, MaxY] of a grid's cells that have left their starting value (empty
/// when MinX > MaxX). Grids keep one so searches and the state hash read those rows only: a fire on a
/// 512 x 512 site touches a few thousand cells, not 262,144.
/// </summary>
public struct CellBox
{
    public int MinX;
    public int MaxX;
    public int MinY;
    public int MaxY;

    public static CellBox Empty => new() { MinX = int.MaxValue, MaxX = int.MinValue, MinY = int.MaxValue, MaxY = int.MinValue };

    public readonly bool IsEmpty => MinX > MaxX;

    /// <summary>Grows the box to hold columns x0..x1 of row y.</summary>
    public void Include(int x0, int x1, int y)
    {
        MinX = Math.Min(MinX, x0);
        MaxX = Math.Max(MaxX, x1);
        MinY = Math.Min(MinY, y);
        MaxY = Math.Max(MaxY, y);
    }

    /// <summary>The box's part of row y of a grid <paramref name="width"/> cells wide, as cell indices.</summary>
    public readonly Range Row(int y, int width) => new((y * width) + MinX, (y * width) + MaxX + 1);
}
