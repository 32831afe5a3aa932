namespace TwinWorld.Simulation.Terrain;

/// <summary>How land use affects movement and what burns there, per code.</summary>
public static class LandUseTraits
{
    public const int Count = 10;

    // Walking speed as a fraction of free walking speed on level pavement; 0 = not walkable.
    private static readonly float[] WalkFactor = [0f, 0.35f, 0.75f, 0.95f, 0.7f, 0.6f, 1f, 0f, 1f, 0f];

    // Driving speed fraction for vehicles; they keep to roads and plazas where they can.
    private static readonly float[] DriveFactor = [0f, 0f, 0.15f, 0.2f, 0.1f, 0.05f, 1f, 0f, 0.5f, 0f];

    // Anderson (1982) fuel model number that this cover carries by default; 0 = not burnable.
    private static readonly byte[] DefaultFuel = [0, 0, 0, 1, 5, 10, 0, 0, 0, 0];

    // Manning's roughness n (s/m^(1/3)) for water flowing over the cover (Chow 1959 tables); buildings
    // are treated as very rough ground, the equivalent-roughness approach of inundation models.
    private static readonly float[] ManningN = [0.025f, 0.025f, 0.03f, 0.035f, 0.05f, 0.1f, 0.015f, 0.2f, 0.015f, 0.04f];

    public static bool IsWalkable(LandUse use) => WalkFactor[(int)use] > 0;

    public static float WalkSpeedFactor(LandUse use) => WalkFactor[(int)use];

    public static float DriveSpeedFactor(LandUse use) => DriveFactor[(int)use];

    public static float Manning(LandUse use) => ManningN[(int)use];

    public static byte FuelModel(LandUse use) => DefaultFuel[(int)use];
}
