namespace TwinWorld.Simulation.Terrain;

/// <summary>Parameters of the procedural coastal town; the same options always give the same site.</summary>
public sealed record ProceduralTownOptions
{
    public ulong Seed { get; init; } = 1;

    /// <summary>Cells each way (the site is square).</summary>
    public int Size { get; init; } = 512;

    public float CellSize { get; init; } = 2f;

    /// <summary>Hills, each with a shelter on top.</summary>
    public int Shelters { get; init; } = 4;

    /// <summary>Road spacing in the town, in metres.</summary>
    public float BlockSize { get; init; } = 60f;
}
