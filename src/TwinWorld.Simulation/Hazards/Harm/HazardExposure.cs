namespace TwinWorld.Simulation.Hazards.Harm;

/// <summary>
/// What the hazards do at one point right now: water depth (m) and speed (m/s), radiant heat from
/// the nearest burning cell (kW/m2) and its distance (m, +infinity when none is near), wind speed at head
/// height (m/s, <see cref="Wind.WindField.AtHeadHeight"/>).
/// </summary>
public readonly record struct HazardExposure(float WaterDepth, float WaterSpeed, float HeatFlux, float FireDistance, float WindSpeed)
{
    public static HazardExposure None => new(0, 0, 0, float.PositiveInfinity, 0);
}
