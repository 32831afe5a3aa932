namespace TwinWorld.Simulation.Terrain.Files;

/// <summary>A terrain file that cannot be read, with the file and what is wrong with it.</summary>
public sealed class TerrainFileException(string file, string problem, Exception? inner = null)
    : Exception($"{file}: {problem}", inner)
{
    public string File { get; } = file;
}
