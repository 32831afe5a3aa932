namespace TwinWorld.Simulation.Cameras;

/// <summary>
/// A player's own camera: where its player turned it, in radians, relative to the avatar (yaw added to the
/// avatar's heading, pitch to the mode's own). Cameras with an aim ease towards where they should be
/// rather than jump, so the view follows smoothly.
/// </summary>
public record struct CameraAim(float Yaw, float Pitch)
{
    /// <summary>The most a view may look up or down, short of straight (where the yaw is lost).</summary>
    public const float MaxPitch = 1.5f;
}
