namespace TwinWorld.Simulation.Terrain.Files;

/// <summary>
/// What to import. The heightmap is an ESRI ASCII grid (.asc, metres, cell size in its header) or a
/// 16- or 8-bit grayscale PNG, whose samples map linearly from black = <see cref="MinElevation"/> to
/// white = <see cref="MaxElevation"/> and whose cell size must be given. The optional land-use map is
/// an .asc of integer codes or an 8-bit grayscale PNG whose gray value is the code (see
/// <see cref="LandUse"/>), the same size as the heightmap. Without one, land use follows elevation.
/// </summary>
public sealed record TerrainImportOptions
{
    public required string HeightmapPath { get; init; }

    public string? LandUsePath { get; init; }

    /// <summary>Metres per cell; required for PNG heightmaps, ignored for .asc (its header says).</summary>
    public float? CellSize { get; init; }

    public float MinElevation { get; init; }

    public float MaxElevation { get; init; } = 100;
}
