namespace TwinWorld.Simulation.Cameras;

/// <summary>The client that owns a camera; 0 for cameras owned by nobody (fixed site cameras).</summary>
public record struct CameraOwner(long ClientId);
