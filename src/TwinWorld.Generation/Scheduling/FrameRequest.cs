using TwinWorld.Generation.Conditions;

namespace TwinWorld.Generation.Scheduling;

/// <summary>A camera's conditions waiting for generation, with when they were submitted (a <see cref="System.Diagnostics.Stopwatch"/> timestamp), the camera's place in the queue and the tick of its previous submission (-1 for none).</summary>
internal sealed record FrameRequest(CameraConditions Conditions, long SubmittedAt, long Order, long PreviousTick);
