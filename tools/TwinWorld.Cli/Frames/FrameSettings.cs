namespace TwinWorld.Cli.Frames;

/// <summary>What <c>twin run --frames</c> was asked for.</summary>
/// <param name="Camera">The one scenario camera to film, by name; null for all of them.</param>
/// <param name="Resolution">Frames are this many pixels each way; null for the model's size (or the default without one).</param>
/// <param name="Model">A world model's manifest (its TorchScript file beside it); null for the reference renderer alone.</param>
/// <param name="EveryFrame">Wait for each due frame before the next tick (headless runs), rather than let a busy generator skip frames (live runs).</param>
internal sealed record FrameSettings(
    string Folder,
    string? Camera,
    double Fps,
    int? Resolution,
    string? Model,
    int JpegQuality,
    TimeSpan Deadline,
    bool EveryFrame);
