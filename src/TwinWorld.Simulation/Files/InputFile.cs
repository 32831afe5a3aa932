namespace TwinWorld.Simulation.Files;

/// <summary>
/// The check every file a user names (a scenario, a heightmap) passes before it is read: it must exist, hold
/// something and be no bigger than its kind ever needs. Devices and pipes (/dev/zero, a FIFO) report no
/// size, so they fail the "holds something" test rather than being read for ever.
/// </summary>
public static class InputFile
{
    /// <summary>What is wrong with reading <paramref name="path"/>, or null when it may be read.</summary>
    public static string? Problem(string path, long maxBytes)
    {
        var file = new FileInfo(path);
        if (Directory.Exists(path))
        {
            return "is a folder, not a file";
        }
        if (!file.Exists)
        {
            return "no such file";
        }
        return file.Length == 0 ? "is empty, or is not a regular file (a device or a pipe)"
            : file.Length > maxBytes ? $"is {Megabytes(file.Length)}; files of this kind are at most {Megabytes(maxBytes)}"
            : null;
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MiB";
}
