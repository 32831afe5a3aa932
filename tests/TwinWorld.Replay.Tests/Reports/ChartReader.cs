using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TwinWorld.Replay.Tests.Reports;

/// <summary>
/// Reads an SVG chart as a reader would: the tick labels and where they stand give the scale; the
/// lines give points, turned back into (minutes, value) through that scale.
/// </summary>
internal sealed partial class ChartReader
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public ChartReader(string svg)
    {
        var root = XElement.Parse(svg);
        Assert.Equal(Svg + "svg", root.Name);
        XTicks = Ticks(root, "x-axis", "x");
        YTicks = Ticks(root, "y-axis", "y");
        Lines = root.Descendants(Svg + "path").Where(p => (string?)p.Attribute("class") == "run-line")
            .Select(p => Points((string)p.Attribute("d")!)).ToArray();
        Strokes = root.Descendants(Svg + "path").Where(p => (string?)p.Attribute("class") == "run-line")
            .Select(p => (string)p.Attribute("stroke")!).ToArray();
    }

    /// <summary>Tick values and their positions along the axis.</summary>
    public (double Value, double At)[] XTicks { get; }

    public (double Value, double At)[] YTicks { get; }

    /// <summary>Each run's line as SVG points.</summary>
    public (double X, double Y)[][] Lines { get; }

    public string[] Strokes { get; }

    /// <summary>A line's points in the chart's units (minutes, value), from the outermost ticks.</summary>
    public (double Minutes, double Value)[] Read(int line) =>
        Lines[line].Select(p => (Scale(XTicks, p.X), Scale(YTicks, p.Y))).ToArray();

    private static double Scale((double Value, double At)[] ticks, double at)
    {
        var (first, last) = (ticks[0], ticks[^1]);
        return first.Value + ((at - first.At) / (last.At - first.At) * (last.Value - first.Value));
    }

    private static (double, double)[] Ticks(XElement root, string axis, string coordinate) =>
        root.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == axis)
            .Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "tick")
            .Select(t => (double.Parse(t.Value, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture), double.Parse((string)t.Attribute(coordinate)!, CultureInfo.InvariantCulture)))
            .ToArray();

    private static (double, double)[] Points(string d) =>
        Point().Matches(d).Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToArray();

    [GeneratedRegex(@"[ML](-?[\d.]+),(-?[\d.]+)")]
    private static partial Regex Point();
}
