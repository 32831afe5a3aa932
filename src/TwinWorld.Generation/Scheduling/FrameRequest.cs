using TwinWorld.Generation.Conditions;

namespace TwinWorld.Generation.Scheduling;

/// <summary>
/// A camera's conditions waiting for generation, with when they were submitted and since when the camera has been
/// waiting (<see cref="System.Diagnostics.Stopwatch"/> timestamps; a newer request that replaces one keeps its wait),
/// and the tick of the camera's previous submission (-1 for none).
/// </summary>
internal sealed record FrameRequest(CameraConditions Conditions, long SubmittedAt, long WaitingSince, long PreviousTick);
