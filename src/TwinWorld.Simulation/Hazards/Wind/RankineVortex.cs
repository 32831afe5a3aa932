using System.Numerics;

namespace TwinWorld.Simulation.Hazards.Wind;

/// <summary>
/// The Rankine vortex: solid-body rotation inside the core (speed rising linearly to the maximum at
/// the core radius), potential flow outside (falling as 1/r). Counter-clockwise, as most tornadoes
/// in the northern hemisphere turn.
/// </summary>
public static class RankineVortex
{
    /// <summary>The rotating wind at an offset from the centre.</summary>
    public static Vector2 Wind(Vector2 offset, float coreRadius, float maxTangential)
    {
        float r2 = offset.LengthSquared();
        if (r2 == 0)
        {
            return Vector2.Zero;
        }
        var tangent = new Vector2(-offset.Y, offset.X);
        // Inside: v = vmax r / R along the unit tangent (tangent / r); outside: v = vmax R / r.
        float scale = r2 <= coreRadius * coreRadius ? maxTangential / coreRadius : maxTangential * coreRadius / r2;
        return tangent * scale;
    }

    /// <summary>How far out the rotating wind is at least the given speed.</summary>
    public static float ReachOf(float speed, float coreRadius, float maxTangential)
        => speed <= 0 ? float.PositiveInfinity : speed >= maxTangential ? (speed == maxTangential ? coreRadius : 0) : coreRadius * maxTangential / speed;
}
