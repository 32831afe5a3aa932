using TwinWorld.Generation.Conditions;

namespace TwinWorld.Generation.Scheduling;

/// <summary>A camera's conditions waiting for generation, with when they were submitted (a <see cref="System.Diagnostics.Stopwatch"/> timestamp) and the camera's place in the queue.</summary>
internal sealed record FrameRequest(CameraConditions Conditions, long SubmittedAt, long Order);
