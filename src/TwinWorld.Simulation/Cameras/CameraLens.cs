namespace TwinWorld.Simulation.Cameras;

/// <summary>Vertical field of view in degrees and the frame size the world model renders for this camera.</summary>
public record struct CameraLens(float FieldOfViewDegrees, int Width, int Height);
