namespace TwinWorld.Replay.Recording;

/// <summary>A file is not a recording this build can read (wrong magic, another version, too short), or it changed under a reader.</summary>
public sealed class RecordingFormatException(string path, string message) : IOException(message)
{
    /// <summary>The file in question.</summary>
    public string Path { get; } = path;
}
