namespace TwinWorld.Simulation.Hazards.Fire;

/// <summary>
/// Conversions between the units the Rothermel model and its fuel tables were published in and SI.
/// The model's empirical constants are fitted in these units, so it computes in them and converts at its edges.
/// </summary>
internal static class EnglishUnits
{
    public const float MetresPerFoot = 0.3048f;

    /// <summary>ft/min per m/s.</summary>
    public const float FeetPerMinutePerMetrePerSecond = 60f / MetresPerFoot;

    /// <summary>kg/m² per short ton per acre (907.18474 kg / 4046.8564 m²).</summary>
    public const float KilogramsPerSquareMetrePerTonPerAcre = 0.224170231f;

    /// <summary>lb/ft² per ton/acre (2000 lb / 43560 ft²).</summary>
    public const float PoundsPerSquareFootPerTonPerAcre = 2000f / 43560f;

    /// <summary>kg/m³ per lb/ft³.</summary>
    public const float KilogramsPerCubicMetrePerPoundPerCubicFoot = 16.0184634f;

    /// <summary>kJ per Btu (international table).</summary>
    public const float KilojoulesPerBtu = 1.05505585f;

    /// <summary>kJ/kg per Btu/lb.</summary>
    public const float KilojoulesPerKilogramPerBtuPerPound = 2.326f;

    /// <summary>kJ/m² per Btu/ft².</summary>
    public const float KilojoulesPerSquareMetrePerBtuPerSquareFoot = KilojoulesPerBtu / (MetresPerFoot * MetresPerFoot);

    /// <summary>kW/m per Btu/ft/s.</summary>
    public const float KilowattsPerMetrePerBtuPerFootSecond = KilojoulesPerBtu / MetresPerFoot;
}
