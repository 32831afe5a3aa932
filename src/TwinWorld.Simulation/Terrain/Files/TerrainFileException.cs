using TwinWorld.Simulation.Files;

namespace TwinWorld.Simulation.Terrain.Files;

/// <summary>A terrain file that cannot be read, with the file and what is wrong with it.</summary>
public sealed class TerrainFileException(string file, string problem, Exception? inner = null)
    : Exception($"{file}: {problem}", inner)
{
    /// <summary>A heightmap or land-use grid of 4096 x 4096 cells as text is about 150 MiB.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    public string File { get; } = file;

    /// <summary>Refuses a terrain file that is missing, a device or a pipe, or bigger than any terrain needs, before reading it.</summary>
    public static void ThrowIfUnreadable(string path)
    {
        if (InputFile.Problem(path, MaxFileBytes) is { } problem)
        {
            throw new TerrainFileException(path, problem);
        }
    }
}
