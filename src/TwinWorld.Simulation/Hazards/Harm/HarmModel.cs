using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Hazards.Fire;

namespace TwinWorld.Simulation.Hazards.Harm;

/// <summary>
/// Turns exposure into lost health (0 to 100). Health below 75 is injured, below 25 incapacitated
/// (alive, but unable to move without help); nobody heals during a run.
/// <list type="bullet">
/// <item>Water: past any of the kind's flood limits a person is knocked off their feet (a car floats):
/// injured at once, then losing 8 health per second times how far past the limit.</item>
/// <item>Heat: thermal dose q^(4/3) s in (kW/m2)^(4/3) s above the 1.7 kW/m2 that skin tolerates
/// indefinitely; 250 dose units (second-degree burns, Eisenberg et al. 1975) make an injury and about
/// 750 incapacitate: health falls by a tenth of the dose.</item>
/// <item>Wind: past the knock-down speed a person is blown over (injured), then hurt by debris at
/// 4 health per second per multiple of the limit beyond it.</item>
/// </list>
/// </summary>
public static class HarmModel
{
    public const float InjuredBelow = 75;
    public const float IncapacitatedBelow = 25;

    /// <summary>Radiant heat skin tolerates indefinitely (kW/m2).</summary>
    public const float TolerableHeatFlux = 1.7f;

    public static Vitality Apply(Vitality vitality, HazardExposure exposure, HarmLimits limits, float dt)
    {
        float health = vitality.Health;
        float flood = MathF.Max(MathF.Max(exposure.WaterDepth / limits.FloodDepth, exposure.WaterSpeed / limits.FloodVelocity),
            exposure.WaterDepth * exposure.WaterSpeed / limits.FloodDepthVelocity);
        // Speed in a film of water is not a current that can knock anyone over.
        if (exposure.WaterDepth > 0.05f && flood >= 1)
        {
            health = MathF.Min(health, InjuredBelow - 0.01f) - (8 * flood * dt);
        }
        float heat = exposure.HeatFlux * limits.HeatShielding;
        if (heat > TolerableHeatFlux)
        {
            health -= DeterministicMath.Pow(heat, 4f / 3f) * dt / 10;
        }
        float wind = exposure.WindSpeed / limits.WindKnockDown;
        if (wind >= 1)
        {
            health = MathF.Min(health, InjuredBelow - 0.01f) - (4 * (wind - 1) * dt);
        }
        if (health >= vitality.Health)
        {
            return vitality;
        }
        health = MathF.Max(0, health);
        var state = health < IncapacitatedBelow ? VitalState.Incapacitated : health < InjuredBelow ? VitalState.Injured : VitalState.Healthy;
        return new Vitality(health, state);
    }

    /// <summary>Emissive power of wildland flames (kW/m2), the flux inside a flame taller than a person.</summary>
    public const float FlameEmissivePower = 60;

    /// <summary>
    /// Radiant heat (kW/m2) at a distance from a burning cell whose front has the given fireline
    /// intensity (kW/m): 30% of the fire's power radiated from a line, q = 0.3 I / (2 pi r), with r at
    /// least half a cell; standing in the burning cell, at least the flame's emissive power in
    /// proportion to how much of a 1.7 m person its flames (Byram's length) engulf.
    /// </summary>
    public static float HeatFlux(float intensity, float distance, float cellSize)
    {
        float radiated = 0.3f * intensity / (DeterministicMath.TwoPi * MathF.Max(distance, cellSize / 2));
        float engulfed = distance < cellSize / 2 ? FlameEmissivePower * MathF.Min(1, SurfaceFire.FlameLength(intensity) / 1.7f) : 0;
        return MathF.Min(FlameEmissivePower, MathF.Max(radiated, engulfed));
    }
}
