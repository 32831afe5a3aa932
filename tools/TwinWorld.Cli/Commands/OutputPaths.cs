namespace TwinWorld.Cli.Commands;

/// <summary>Checks of where a command will write, made before its work, so that a bad path costs nothing.</summary>
internal static class OutputPaths
{
    /// <summary>Why a new file (never overwritten) cannot be made at the option's path, or null; makes its folder.</summary>
    public static string? NewFileProblem(string option, FileInfo? file)
        => file is { Exists: true } ? $"{option} {file}: the file already exists; give a new name." : FileProblem(option, file);

    /// <summary>Why a file (replaced if there) cannot be written at the option's path, or null; makes its folder.</summary>
    public static string? FileProblem(string option, FileInfo? file)
        => file is not null && Directory.Exists(file.FullName) ? $"{option} {file}: that is a folder; give a file name."
            : FolderProblem(option, file?.Directory);

    /// <summary>Makes the option's folder (and its parents); why it cannot, or null.</summary>
    public static string? FolderProblem(string option, DirectoryInfo? folder)
    {
        try
        {
            if (folder is not null)
            {
                Directory.CreateDirectory(folder.FullName);
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{option} {folder}: cannot make that folder: {e.Message}";
        }
    }
}
