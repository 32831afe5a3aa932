namespace TwinWorld.Simulation.Cameras;

/// <summary>
/// Compass bearings (degrees clockwise from north, as people and scenario files give them) to and from a
/// <see cref="CameraPose"/>'s yaw (radians counter-clockwise from east).
/// </summary>
public static class Compass
{
    /// <summary>The pose's yaw for a compass bearing, in (-pi, pi].</summary>
    public static float Yaw(float degrees) => DeterministicMath.WrapAngle((90 - degrees) * (DeterministicMath.Pi / 180));

    /// <summary>The compass bearing (degrees, 0 to 360) a pose's yaw looks towards.</summary>
    public static float Bearing(float radians)
    {
        float degrees = 90 - (radians * (180 / DeterministicMath.Pi));
        degrees -= 360 * MathF.Floor(degrees / 360);
        return degrees >= 360 ? 0 : degrees;
    }

    /// <summary>Radians up from level for degrees.</summary>
    public static float Pitch(float degrees) => degrees * (DeterministicMath.Pi / 180);

    /// <summary>Degrees up from level for a pose's pitch.</summary>
    public static float PitchDegrees(float radians) => radians * (180 / DeterministicMath.Pi);
}
