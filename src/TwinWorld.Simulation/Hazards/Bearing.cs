using System.Numerics;

namespace TwinWorld.Simulation.Hazards;

/// <summary>
/// Compass bearings as people give them (degrees clockwise from north, naming where wind or waves
/// come from) turned into the simulation's frame (x east, y north, radians counter-clockwise from east).
/// </summary>
public static class Bearing
{
    /// <summary>The direction of travel, as an angle, of something coming from the bearing.</summary>
    public static float TravelAngle(float fromDegrees) => DeterministicMath.WrapAngle((270 - (fromDegrees % 360)) * (DeterministicMath.Pi / 180));

    /// <summary>The unit vector of travel of something coming from the bearing.</summary>
    public static Vector2 Towards(float fromDegrees) => DeterministicMath.Direction(TravelAngle(fromDegrees));
}
