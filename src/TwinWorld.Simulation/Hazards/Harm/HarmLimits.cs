namespace TwinWorld.Simulation.Hazards.Harm;

/// <summary>
/// What a kind of agent withstands. Flood limits follow the hazard vulnerability thresholds of
/// Australian Rainfall and Runoff (Smith et al. 2014; ARR 2019 book 6, table 6.7.4) and, for
/// children, Cox et al. (2010): people lose their footing, and cars float, beyond a depth, a
/// velocity or a depth x velocity product. People
/// are blown over by gusts above about 20 m/s (Penwarden 1973); cars roll at much higher winds.
/// <see cref="HeatShielding"/> is the fraction of radiant heat that reaches the person (a car body
/// or firefighters' gear keep most of it out).
/// </summary>
public sealed record HarmLimits(float FloodDepth, float FloodVelocity, float FloodDepthVelocity, float WindKnockDown, float HeatShielding)
{
    /// <summary>Past ARR's H3 band, H4 is unsafe for all people: beyond 1.2 m, 2 m/s or 0.6 m2/s.</summary>
    public static HarmLimits Adult { get; } = new(1.2f, 2.0f, 0.6f, 20f, 1f);

    /// <summary>ARR H3 is unsafe for children and the elderly beyond 0.5 m; Cox et al. (2010) put children's stability at 0.4 m2/s.</summary>
    public static HarmLimits Vulnerable { get; } = new(0.5f, 2.0f, 0.4f, 15f, 1f);

    /// <summary>ARR H2: small cars float beyond 0.3 m, 2 m/s or 0.3 m2/s; cars are rolled by about 45 m/s.</summary>
    public static HarmLimits Vehicle { get; } = new(0.3f, 2.0f, 0.3f, 45f, 0.2f);

    /// <summary>Adults in protective clothing.</summary>
    public static HarmLimits Firefighter { get; } = Adult with { HeatShielding = 0.3f };

    /// <summary>Why these limits make no sense, or null.</summary>
    public string? Problem()
        => !(FloodDepth > 0 && FloodVelocity > 0 && FloodDepthVelocity > 0) ? "flood limits must be positive"
        : !(WindKnockDown > 0) ? "the knock-down wind must be positive"
        : !(HeatShielding >= 0 && HeatShielding <= 1) ? "heat shielding must be 0 to 1"
        : null;
}
