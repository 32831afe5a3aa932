namespace TwinWorld.Generation.Encoding;

/// <summary>JPEG encoding failed, or TurboJPEG is not installed; the message says which and what to do.</summary>
public sealed class JpegException(string message, Exception? inner = null) : Exception(message, inner);
