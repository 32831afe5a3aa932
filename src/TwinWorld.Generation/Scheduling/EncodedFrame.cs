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
    TimeSpan Latency);
