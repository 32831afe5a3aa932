namespace TwinWorld.Simulation.Hazards.Fire;

/// <summary>
/// One of the 13 standard fire behaviour fuel models of Albini (1976) and Anderson (1982): the fuel
/// bed that Rothermel's surface fire model burns. Values are exposed in SI; the table below keeps them in
/// the units they were published in so that it can be checked against the source line by line.
/// </summary>
public sealed class FuelModel
{
    public const int Count = 13;

    /// <summary>Low heat content of every particle, 8000 Btu/lb (kJ/kg).</summary>
    public const float HeatContent = 8000f * EnglishUnits.KilojoulesPerKilogramPerBtuPerPound;

    /// <summary>Oven-dry particle density, 32 lb/ft³ (kg/m³).</summary>
    public const float ParticleDensity = 32f * EnglishUnits.KilogramsPerCubicMetrePerPoundPerCubicFoot;

    /// <summary>Total mineral content (fraction of oven-dry mass).</summary>
    public const float TotalMineralContent = 0.0555f;

    /// <summary>Effective (silica-free) mineral content (fraction of oven-dry mass).</summary>
    public const float EffectiveMineralContent = 0.010f;

    /// <summary>Surface-area-to-volume ratio of 10-h dead fuel, 109 ft²/ft³ (1/m).</summary>
    public const float SurfaceAreaToVolume10h = 109f / EnglishUnits.MetresPerFoot;

    /// <summary>Surface-area-to-volume ratio of 100-h dead fuel, 30 ft²/ft³ (1/m).</summary>
    public const float SurfaceAreaToVolume100h = 30f / EnglishUnits.MetresPerFoot;

    /// <summary>Surface-area-to-volume ratio of live herbaceous and woody fuel, 1500 ft²/ft³ (1/m).</summary>
    public const float SurfaceAreaToVolumeLive = 1500f / EnglishUnits.MetresPerFoot;

    // Loads (tons/acre), depth (ft) and dead moisture of extinction (%) from Anderson (1982), GTR INT-122,
    // table 1; 1-h surface-area-to-volume ratios (ft²/ft³) from Albini (1976), GTR INT-30, as tabulated in
    // Andrews (2018), RMRS-GTR-371, and carried by BehavePlus. Live fuel is herbaceous in model 2 and woody in
    // 4, 5, 7 and 10. The wind adjustment factor is the unsheltered one of Albini and Baughman (1979),
    // 1.83 / ln((20 + 0.36 H) / (0.13 H)) for a bed H ft deep, to two places as BehavePlus reports it
    // (Andrews 2012, RMRS-GTR-266).
    private static readonly FuelModel[] Models =
    [
        //  no  name                                 1-h    10-h   100-h  herb  woody  SAV   depth Mx  WAF
        new(1, "Short grass (1 ft)",                 0.74f, 0f,    0f,    0f,   0f,    3500, 1.0f, 12, 0.36f),
        new(2, "Timber (grass and understory)",      2.00f, 1.00f, 0.50f, 0.50f, 0f,   3000, 1.0f, 15, 0.36f),
        new(3, "Tall grass (2.5 ft)",                3.01f, 0f,    0f,    0f,   0f,    1500, 2.5f, 25, 0.44f),
        new(4, "Chaparral (6 ft)",                   5.01f, 4.01f, 2.00f, 0f,   5.01f, 2000, 6.0f, 20, 0.55f),
        new(5, "Brush (2 ft)",                       1.00f, 0.50f, 0f,    0f,   2.00f, 2000, 2.0f, 20, 0.42f),
        new(6, "Dormant brush, hardwood slash",      1.50f, 2.50f, 2.00f, 0f,   0f,    1750, 2.5f, 25, 0.44f),
        new(7, "Southern rough",                     1.13f, 1.87f, 1.50f, 0f,   0.37f, 1750, 2.5f, 40, 0.44f),
        new(8, "Closed timber litter",               1.50f, 1.00f, 2.50f, 0f,   0f,    2000, 0.2f, 30, 0.28f),
        new(9, "Hardwood litter",                    2.92f, 0.41f, 0.15f, 0f,   0f,    2500, 0.2f, 25, 0.28f),
        new(10, "Timber (litter and understory)",    3.01f, 2.00f, 5.01f, 0f,   2.00f, 2000, 1.0f, 25, 0.36f),
        new(11, "Light logging slash",               1.50f, 4.51f, 5.51f, 0f,   0f,    1500, 1.0f, 15, 0.36f),
        new(12, "Medium logging slash",              4.01f, 14.03f, 16.53f, 0f, 0f,    1500, 2.3f, 20, 0.43f),
        new(13, "Heavy logging slash",               7.01f, 23.04f, 28.05f, 0f, 0f,    1500, 3.0f, 25, 0.46f),
    ];

    private FuelModel(int number, string name, float load1h, float load10h, float load100h, float loadHerb, float loadWoody,
        float sav1h, float depthFeet, float extinctionPercent, float windAdjustmentFactor)
    {
        Number = number;
        Name = name;
        const float ToPerSquareFoot = EnglishUnits.PoundsPerSquareFootPerTonPerAcre;
        LoadsPerSquareFoot = [load1h * ToPerSquareFoot, load10h * ToPerSquareFoot, load100h * ToPerSquareFoot, loadHerb * ToPerSquareFoot, loadWoody * ToPerSquareFoot];
        SavsPerFoot = [sav1h, 109f, 30f, 1500f, 1500f];
        DepthFeet = depthFeet;
        DeadExtinctionMoisture = extinctionPercent / 100f;
        WindAdjustmentFactor = windAdjustmentFactor;
        Load1h = load1h * EnglishUnits.KilogramsPerSquareMetrePerTonPerAcre;
        Load10h = load10h * EnglishUnits.KilogramsPerSquareMetrePerTonPerAcre;
        Load100h = load100h * EnglishUnits.KilogramsPerSquareMetrePerTonPerAcre;
        LoadLiveHerbaceous = loadHerb * EnglishUnits.KilogramsPerSquareMetrePerTonPerAcre;
        LoadLiveWoody = loadWoody * EnglishUnits.KilogramsPerSquareMetrePerTonPerAcre;
    }

    public static IReadOnlyList<FuelModel> All => Models;

    /// <summary>Fuel model 1 to 13, as stored in <see cref="Terrain.TerrainGrid.Fuel"/>.</summary>
    public static FuelModel Get(int number) => number is >= 1 and <= Count
        ? Models[number - 1]
        : throw new ArgumentOutOfRangeException(nameof(number), number, $"Standard fuel models are numbered 1 to {Count}.");

    public int Number { get; }

    public string Name { get; }

    /// <summary>Oven-dry loads (kg/m²) by size class.</summary>
    public float Load1h { get; }

    public float Load10h { get; }

    public float Load100h { get; }

    public float LoadLiveHerbaceous { get; }

    public float LoadLiveWoody { get; }

    /// <summary>Surface-area-to-volume ratio of the 1-h dead fuel (1/m).</summary>
    public float SurfaceAreaToVolume1h => SavsPerFoot[0] / EnglishUnits.MetresPerFoot;

    /// <summary>Fuel bed depth (m).</summary>
    public float Depth => DepthFeet * EnglishUnits.MetresPerFoot;

    /// <summary>Dead fuel moisture at which fire no longer spreads (fraction).</summary>
    public float DeadExtinctionMoisture { get; }

    /// <summary>Midflame wind over the open (20-ft, 6.1 m) wind for this bed when no canopy shelters it.</summary>
    public float WindAdjustmentFactor { get; }

    /// <summary>Loads in lb/ft², in the order 1-h, 10-h, 100-h, live herbaceous, live woody.</summary>
    internal float[] LoadsPerSquareFoot { get; }

    /// <summary>Surface-area-to-volume ratios in ft²/ft³, same order.</summary>
    internal float[] SavsPerFoot { get; }

    internal float DepthFeet { get; }

    public override string ToString() => $"fuel model {Number} ({Name})";
}
