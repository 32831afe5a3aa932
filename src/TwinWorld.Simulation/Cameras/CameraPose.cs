using System.Numerics;

namespace TwinWorld.Simulation.Cameras;

/// <summary>Where a camera is (x east, y north, z up, metres) and where it looks: yaw from east, pitch up from level, radians.</summary>
public record struct CameraPose(Vector3 Position, float Yaw, float Pitch);
