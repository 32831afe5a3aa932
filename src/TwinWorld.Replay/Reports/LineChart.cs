using System.Text;
using TwinWorld.Simulation;

namespace TwinWorld.Replay.Reports;

/// <summary>
/// An SVG line chart of one figure over time: one line per run (its own samples, joined), time in
/// minutes along x from the start, the figure from 0 up along y, ticks and grid lines at round values,
/// a marker at every sample with its value as a tooltip. See <see cref="RunStyle"/> for how lines
/// that coincide stay visible.
/// </summary>
internal static class LineChart
{
    public const double Width = 640;
    public const double Height = 280;
    public const double Left = 72;
    public const double Right = 16;
    public const double Top = 14;
    public const double Bottom = 46;

    /// <summary>Above this many samples a line gets no markers: they would merge into a thick band.</summary>
    private const int MaxMarkers = 80;

    public static string Render(string label, string unit, IReadOnlyList<ReportRun> runs, Func<RunOutcome, double> value, double scale, bool wholeNumbers)
    {
        double endMinutes = runs.Max(r => r.End.TotalMinutes);
        var x = AxisScale.Covering(endMinutes, target: 8);
        double maxValue = runs.SelectMany(r => r.Samples).Max(s => value(s.Outcome) * scale);
        var y = AxisScale.Covering(maxValue, target: 5, wholeSteps: wholeNumbers);
        double plotWidth = Width - Left - Right;
        double plotHeight = Height - Top - Bottom;
        double X(double minutes) => Left + (minutes / x.Top * plotWidth);
        double Y(double v) => Top + plotHeight - (v / y.Top * plotHeight);

        var svg = new StringBuilder();
        svg.Append($"""<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Width} {Height}" width="{Width}" height="{Height}" role="img" aria-label="{Markup.Text($"{label} ({unit}) over time, one line per run")}">""");
        svg.Append("<g class=\"y-axis\">");
        foreach (double tick in y.Ticks)
        {
            string at = Markup.Number(Y(tick));
            svg.Append($"""<line class="grid" x1="{Left}" x2="{Width - Right}" y1="{at}" y2="{at}" stroke="#e3e3e3"/>""");
            svg.Append($"""<text class="tick" x="{Left - 6}" y="{at}" text-anchor="end" dominant-baseline="middle" data-value="{Markup.Number(tick)}">{y.Label(tick)}</text>""");
        }
        svg.Append($"""<text class="axis-label" transform="translate(16 {Markup.Number(Top + (plotHeight / 2))}) rotate(-90)" text-anchor="middle">{Markup.Text(unit)}</text>""");
        svg.Append("</g><g class=\"x-axis\">");
        foreach (double tick in x.Ticks)
        {
            string at = Markup.Number(X(tick));
            svg.Append($"""<line x1="{at}" x2="{at}" y1="{Markup.Number(Top + plotHeight)}" y2="{Markup.Number(Top + plotHeight + 5)}" stroke="#555"/>""");
            svg.Append($"""<text class="tick" x="{at}" y="{Markup.Number(Top + plotHeight + 18)}" text-anchor="middle" data-value="{Markup.Number(tick)}">{x.Label(tick)}</text>""");
        }
        svg.Append($"""<text class="axis-label" x="{Markup.Number(Left + (plotWidth / 2))}" y="{Height - 6}" text-anchor="middle">minutes since the start</text>""");
        svg.Append($"""<line x1="{Left}" x2="{Width - Right}" y1="{Markup.Number(Top + plotHeight)}" y2="{Markup.Number(Top + plotHeight)}" stroke="#555"/>""");
        svg.Append($"""<line x1="{Left}" x2="{Left}" y1="{Top}" y2="{Markup.Number(Top + plotHeight)}" stroke="#555"/>""");
        svg.Append("</g>");

        for (int r = 0; r < runs.Count; r++)
        {
            var run = runs[r];
            var style = RunStyle.For(r);
            var points = run.Samples.Select(s => (s.At, X: X(s.At.TotalMinutes), Y: Y(value(s.Outcome) * scale), Value: value(s.Outcome) * scale)).ToArray();
            string d = string.Join(" ", points.Select((p, i) => $"{(i == 0 ? "M" : "L")}{Markup.Number(p.X)},{Markup.Number(p.Y)}"));
            string dash = style.Dash.Length > 0 ? $" stroke-dasharray=\"{style.Dash}\"" : "";
            svg.Append($"""<g class="run" data-run="{r}">""");
            svg.Append($"""<path class="run-line" data-run="{r}" d="{d}" fill="none" stroke="{style.Colour}" stroke-width="{Markup.Number(style.Width)}" stroke-linejoin="round"{dash}><title>{Markup.Text(run.Name)}</title></path>""");
            if (points.Length <= MaxMarkers)
            {
                foreach (var p in points)
                {
                    string tip = Markup.Text($"{run.Name}, {Duration.Format(p.At)}: {y.Label(p.Value)} {unit}");
                    svg.Append(Marker(style, p.X, p.Y, tip));
                }
            }
            svg.Append("</g>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The run's marker shape centred on a point, white-edged, with a tooltip (already escaped) if given.</summary>
    internal static string Marker(RunStyle style, double x, double y, string? escapedTip)
    {
        double s = style.MarkerSize;
        string shape = style.Marker switch
        {
            RunMarker.Circle => $"""<circle cx="{Markup.Number(x)}" cy="{Markup.Number(y)}" r="{Markup.Number(s)}" """,
            RunMarker.Square => $"""<rect x="{Markup.Number(x - s)}" y="{Markup.Number(y - s)}" width="{Markup.Number(s * 2)}" height="{Markup.Number(s * 2)}" """,
            RunMarker.Triangle => $"""<polygon points="{Markup.Number(x)},{Markup.Number(y - s - 1)} {Markup.Number(x + s + 1)},{Markup.Number(y + s)} {Markup.Number(x - s - 1)},{Markup.Number(y + s)}" """,
            RunMarker.Diamond => $"""<polygon points="{Markup.Number(x)},{Markup.Number(y - s - 1)} {Markup.Number(x + s + 1)},{Markup.Number(y)} {Markup.Number(x)},{Markup.Number(y + s + 1)} {Markup.Number(x - s - 1)},{Markup.Number(y)}" """,
            _ => $"""<path d="M{Markup.Number(x - s)},{Markup.Number(y - s)} L{Markup.Number(x + s)},{Markup.Number(y + s)} M{Markup.Number(x - s)},{Markup.Number(y + s)} L{Markup.Number(x + s)},{Markup.Number(y - s)}" stroke-width="2.5" """,
        };
        string paint = style.Marker == RunMarker.Cross ? $"stroke=\"{style.Colour}\"" : $"fill=\"{style.Colour}\" stroke=\"#fff\" stroke-width=\"1\"";
        string title = escapedTip is null ? "" : $"<title>{escapedTip}</title>";
        return $"""{shape}class="marker" {paint}>{title}</{ElementOf(style.Marker)}>""";
    }

    private static string ElementOf(RunMarker marker) => marker switch
    {
        RunMarker.Circle => "circle",
        RunMarker.Square => "rect",
        RunMarker.Triangle or RunMarker.Diamond => "polygon",
        _ => "path",
    };
}
