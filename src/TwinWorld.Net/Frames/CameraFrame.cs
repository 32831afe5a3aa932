using TwinWorld.Protocol.V1;

namespace TwinWorld.Net.Frames;

/// <summary>An encoded frame of one camera, the tick it was conditioned on, and what drew it (the world model or the renderer).</summary>
public sealed record CameraFrame(int CameraId, long Tick, int Width, int Height, ReadOnlyMemory<byte> Jpeg, FrameSource Source);
