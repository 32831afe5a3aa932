using System.IO.Hashing;

namespace TwinWorld.Generation.Frames;

/// <summary>
/// Fingerprints for reproducible frames: a frame's raw pixels (before JPEG, which would hide a one-level change),
/// a model file, and this build of the conditioner and renderer, whose code decides every renderer frame.
/// </summary>
public static class FrameHash
{
    /// <summary>The generation assembly's module version id (deterministic builds: it changes when its code does).</summary>
    public static string GenerationBuild { get; } = "generation/" + typeof(FrameHash).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];

    /// <summary>XxHash3 (64-bit) of the frame's RGB bytes and size.</summary>
    public static ulong Of(RgbImage frame)
    {
        var hash = new XxHash3();
        hash.Append(BitConverter.GetBytes(frame.Width));
        hash.Append(BitConverter.GetBytes(frame.Height));
        hash.Append(frame.Pixels);
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>
    /// XxHash3 of a model file's bytes, as 16 hex digits, or "unreadable": such a model leaves the run on renderer
    /// frames, and its identity must match no real file.
    /// </summary>
    public static string OfModelFile(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            var hash = new XxHash3();
            hash.Append(file);
            return hash.GetCurrentHashAsUInt64().ToString("x16");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }
}
