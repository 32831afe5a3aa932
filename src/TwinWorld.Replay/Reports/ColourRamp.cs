namespace TwinWorld.Replay.Reports;

/// <summary>
/// A colour scale: colours at a few positions from 0 to 1, linear in RGB between them. The ramps are
/// ordered in lightness so they still read in grayscale: arrival goes from dark red (soonest) to pale
/// yellow (latest), depth from pale to dark blue (deepest), differences from blue (less) through near
/// white to red (more).
/// </summary>
internal sealed class ColourRamp
{
    public static readonly ColourRamp Arrival = new((0, 0x5c, 0x00, 0x1e), (0.35, 0xc8, 0x21, 0x2a), (0.7, 0xf2, 0x8c, 0x28), (1, 0xfc, 0xe6, 0x82));
    public static readonly ColourRamp Depth = new((0, 0xc6, 0xe4, 0xfa), (0.45, 0x3c, 0x8c, 0xdc), (1, 0x08, 0x1e, 0x6a));
    public static readonly ColourRamp Difference = new((0, 0x21, 0x66, 0xac), (0.5, 0xf2, 0xf2, 0xf2), (1, 0xb2, 0x18, 0x2b));

    private readonly (double At, byte R, byte G, byte B)[] _stops;

    private ColourRamp(params (double At, byte R, byte G, byte B)[] stops) => _stops = stops;

    public IReadOnlyList<(double At, byte R, byte G, byte B)> Stops => _stops;

    /// <summary>The colour at a position, clamped to 0 to 1.</summary>
    public (byte R, byte G, byte B) At(double position)
    {
        position = double.IsNaN(position) ? 0 : Math.Clamp(position, 0, 1);
        for (int i = 1; i < _stops.Length; i++)
        {
            if (position <= _stops[i].At)
            {
                var (a, b) = (_stops[i - 1], _stops[i]);
                double t = (position - a.At) / (b.At - a.At);
                return (Mix(a.R, b.R, t), Mix(a.G, b.G, t), Mix(a.B, b.B, t));
            }
        }
        var last = _stops[^1];
        return (last.R, last.G, last.B);
    }

    public static string Hex(byte r, byte g, byte b) => $"#{r:x2}{g:x2}{b:x2}";

    private static byte Mix(byte a, byte b, double t) => (byte)Math.Round(a + ((b - a) * t));
}
