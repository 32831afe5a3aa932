namespace TwinWorld.Simulation.Terrain.Files;

/// <summary>Grayscale samples, row-major with row 0 at the top (north), as images store them.</summary>
public sealed record GrayImage(int Width, int Height, int BitDepth, ushort[] Samples)
{
    public int MaxSample => BitDepth == 16 ? 65535 : 255;
}
