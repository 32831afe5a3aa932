using System.Numerics;

namespace TwinWorld.Simulation.Hazards.Fire;

/// <summary>
/// A surface fire's spread for one wind and slope: the head rate and direction, and the ellipse that a fire
/// grows into from a point at its rear focus, R(theta) = R_head (1 - e) / (1 - e cos theta). SI units.
/// </summary>
/// <param name="HeadRate">Rate of spread of the head (m/s).</param>
/// <param name="HeadDirection">Unit vector the head runs towards.</param>
/// <param name="EffectiveWindSpeed">The midflame wind (m/s) that alone would give this head rate on level ground.</param>
/// <param name="LengthToBreadth">The ellipse's length over its breadth.</param>
/// <param name="Eccentricity">The ellipse's eccentricity, sqrt(1 - 1 / LB²).</param>
/// <param name="HeatPerUnitArea">Heat released per unit area by the passing front (kJ/m²).</param>
public readonly record struct SurfaceSpread(float HeadRate, Vector2 HeadDirection, float EffectiveWindSpeed, float LengthToBreadth, float Eccentricity, float HeatPerUnitArea)
{
    /// <summary>Byram's fireline intensity at the head (kW/m).</summary>
    public float FirelineIntensity => HeatPerUnitArea * HeadRate;

    /// <summary>Flame length at the head (m).</summary>
    public float FlameLength => SurfaceFire.FlameLength(FirelineIntensity);

    /// <summary>Rate of spread straight back from the ignition point (m/s).</summary>
    public float BackingRate => HeadRate * OneMinusEccentricity / (1 + Eccentricity);

    /// <summary>Rate of spread from the ignition point towards a unit direction (m/s).</summary>
    public float RateToward(Vector2 direction) => HeadRate * OneMinusEccentricity / (OneMinusEccentricity + (Eccentricity * (1 - Vector2.Dot(direction, HeadDirection))));

    // 1 - e without subtracting two numbers near 1, which a long ellipse's e is: (1 - e²) / (1 + e) = 1 / (LB² (1 + e)).
    // Likewise 1 - e cos theta is written (1 - e) + e (1 - cos theta).
    internal float OneMinusEccentricity => 1 / (LengthToBreadth * LengthToBreadth * (1 + Eccentricity));
}
