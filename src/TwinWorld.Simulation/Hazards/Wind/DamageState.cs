namespace TwinWorld.Simulation.Hazards.Wind;

/// <summary>
/// How badly wind has damaged a building cell, after the Enhanced Fujita scale's degrees of damage
/// for one- and two-family residences (WSEC 2006, FR12), grouped into four steps.
/// </summary>
public enum DamageState : byte
{
    None = 0,
    /// <summary>Roof covering and gutters lost (DOD 2, about 36 m/s).</summary>
    Minor = 1,
    /// <summary>Roof deck lifted, windows broken (DOD 4, about 43 m/s).</summary>
    Moderate = 2,
    /// <summary>Large sections of roof structure gone (DOD 6, about 54 m/s).</summary>
    Severe = 3,
    /// <summary>Most walls collapsed or the house swept away (DOD 9 and up, about 68 m/s).</summary>
    Destroyed = 4,
}
