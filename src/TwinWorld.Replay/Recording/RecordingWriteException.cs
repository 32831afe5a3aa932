namespace TwinWorld.Replay.Recording;

/// <summary>
/// The recording's background writer failed (disk full, device gone, ...). Records appended after the failure
/// are not written; the file still holds every record written before it, readable by <see cref="RecordingReader"/>.
/// </summary>
public sealed class RecordingWriteException(string path, string message, Exception cause) : IOException(message, cause)
{
    /// <summary>The recording that could not be written.</summary>
    public string Path { get; } = path;
}
