using TwinWorld.Ecs;

namespace TwinWorld.Generation.Scheduling;

/// <summary>
/// A camera's generated frame as a JPEG file, tagged with the tick whose conditions it shows, what made it and
/// how long it took from <see cref="FrameScheduler.Submit"/> to encoded.
/// </summary>
/// <param name="Fallback">Why the renderer made it, when a model is set but did not; null for model frames and renderer-only runs.</param>
public sealed record EncodedFrame(
    Entity Camera,
    long Tick,
    FrameSource Source,
    FallbackReason? Fallback,
    int Width,
    int Height,
    byte[] Jpeg,
    TimeSpan Latency)
{
    /// <summary>The raw frame's <see cref="Frames.FrameHash.Of"/>, so a recording can check that a replay regenerates it bit for bit.</summary>
    public ulong PixelHash { get; init; }

    /// <summary>The tick of the camera's conditions submitted before these (-1 for its first): the camera motion in the conditions is measured from there.</summary>
    public long PreviousTick { get; init; } = -1;
}
