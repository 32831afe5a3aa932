namespace TwinWorld.Cli.Frames;

/// <summary>What <c>twin run --frames</c> was asked for.</summary>
/// <param name="Camera">The one scenario camera to film, by name; null for all of them.</param>
/// <param name="Resolution">Frames are this many pixels each way; null: the model's size (the renderer's default without one).</param>
/// <param name="Model">A world model's manifest; null: the reference renderer makes every frame.</param>
/// <param name="Device">Where the model runs: cpu, cuda or cuda:N.</param>
/// <param name="EveryFrame">Wait for each due frame before the next tick (headless runs), rather than let a busy generator skip frames (live runs).</param>
internal sealed record FrameSettings(
    string Folder,
    string? Camera,
    double Fps,
    int? Resolution,
    int JpegQuality,
    TimeSpan Deadline,
    bool EveryFrame,
    string? Model = null,
    string Device = "cpu");
