using TwinWorld.Ecs;

namespace TwinWorld.Simulation.Cameras;

/// <summary>How a camera moves: its mode, the entity it follows (if any), and the follow distance and height in metres.</summary>
public record struct CameraRig(CameraMode Mode, Entity Target, float Distance, float Height);
