namespace TwinWorld.Protocol.State;

/// <summary>
/// How the state stream rounds what it carries: positions to 1/64 m (a 1.6 cm grid, at most 7.8 mm
/// off), headings to 1/1024 of a turn (0.35 degrees, at most 0.18 degrees off), water depths to 5 cm
/// (at most 2.5 cm off; coarse enough that a settled flood stops changing its tiles). Both sides compare
/// these integers, so a mirror equals the server's view exactly.
/// </summary>
public static class Quantisation
{
    public const int PositionUnitsPerMetre = 64;

    public const int HeadingSteps = 1024;

    public const int WaterDepthUnitsPerMetre = 20;

    public static int Position(float metres) => (int)Math.Clamp(MathF.Round(metres * PositionUnitsPerMetre), int.MinValue / 2, int.MaxValue / 2);

    /// <summary>A depth (m) in water-depth units, 0 to 65535 (3.3 km): not finite or negative is 0.</summary>
    public static ushort WaterDepth(float metres)
        => float.IsFinite(metres) && metres > 0 ? (ushort)Math.Min(MathF.Round(metres * WaterDepthUnitsPerMetre), ushort.MaxValue) : (ushort)0;

    public static float Metres(int units) => units / (float)PositionUnitsPerMetre;

    /// <summary>Radians (any value) to a step in [0, <see cref="HeadingSteps"/>).</summary>
    public static int Heading(float radians)
    {
        if (!float.IsFinite(radians))
        {
            return 0;
        }
        double turns = radians / (2 * Math.PI);
        long step = (long)Math.Round((turns - Math.Floor(turns)) * HeadingSteps);
        return (int)(step & (HeadingSteps - 1));
    }

    /// <summary>A signed angle (a pitch) in heading steps, not wrapped.</summary>
    public static int Angle(float radians) => float.IsFinite(radians) ? (int)Math.Round(radians / (2 * Math.PI) * HeadingSteps) : 0;

    public static float Radians(int steps) => (float)(steps * 2 * Math.PI / HeadingSteps);
}
