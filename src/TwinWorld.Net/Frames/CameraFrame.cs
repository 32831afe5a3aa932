namespace TwinWorld.Net.Frames;

/// <summary>An encoded frame of one camera, and the tick it was conditioned on.</summary>
public sealed record CameraFrame(int CameraId, long Tick, int Width, int Height, ReadOnlyMemory<byte> Jpeg);
