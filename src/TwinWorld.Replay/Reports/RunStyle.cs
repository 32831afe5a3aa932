namespace TwinWorld.Replay.Reports;

/// <summary>
/// How each run is drawn, by its place in the report: a colour from a palette that colour-blind
/// readers can tell apart, and a dash pattern and marker shape of its own. Runs are drawn in order,
/// each thinner and with smaller markers than the one before, so where lines coincide the earlier
/// ones still show around the later ones.
/// </summary>
internal sealed record RunStyle(string Colour, string Dash, double Width, RunMarker Marker, double MarkerSize)
{
    // Okabe and Ito's palette, without the yellow that vanishes on white.
    private static readonly string[] Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];
    private static readonly string[] Dashes = ["", "9 4", "3 3", "12 3 3 3", "6 2", "2 5"];

    public static RunStyle For(int run)
    {
        var marker = (RunMarker)(run % Enum.GetValues<RunMarker>().Length);
        return new RunStyle(Colours[run % Colours.Length], Dashes[run % Dashes.Length], Math.Max(1.5, 5 - (1.5 * run)), marker, Math.Max(3, 6 - (1.25 * run)));
    }
}
