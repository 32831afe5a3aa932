using System.Text;

namespace TwinWorld.Replay.Reports;

/// <summary>An SVG colour bar for a map scale: the ramp as a gradient, ticks with values and the unit.</summary>
internal static class MapLegend
{
    private const double BarWidth = 300;
    private const double BarLeft = 12;

    /// <summary>A bar from <paramref name="low"/> to <paramref name="high"/> with the given tick values.</summary>
    public static string Render(string id, ColourRamp ramp, double low, double high, IEnumerable<double> ticks, Func<double, string> label, string unit, string? note = null)
    {
        var svg = new StringBuilder();
        double width = BarLeft + BarWidth + 60;
        svg.Append($"""<svg class="legend" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 48" width="{width}" height="48" role="img" aria-label="{Markup.Text($"colour scale from {label(low)} to {label(high)} {unit}")}">""");
        svg.Append($"""<defs><linearGradient id="ramp-{id}" x1="0" x2="1" y1="0" y2="0">""");
        foreach (var stop in ramp.Stops)
        {
            svg.Append($"""<stop offset="{Markup.Number(stop.At)}" stop-color="{ColourRamp.Hex(stop.R, stop.G, stop.B)}"/>""");
        }
        svg.Append("</linearGradient></defs>");
        svg.Append($"""<rect x="{BarLeft}" y="4" width="{BarWidth}" height="14" fill="url(#ramp-{id})" stroke="#777" stroke-width="0.5"/>""");
        foreach (double tick in ticks)
        {
            double x = BarLeft + ((tick - low) / (high - low) * BarWidth);
            svg.Append($"""<line x1="{Markup.Number(x)}" x2="{Markup.Number(x)}" y1="18" y2="23" stroke="#555"/>""");
            svg.Append($"""<text x="{Markup.Number(x)}" y="35" text-anchor="middle">{Markup.Text(label(tick))}</text>""");
        }
        svg.Append($"""<text x="{BarLeft + BarWidth + 10}" y="16">{Markup.Text(unit)}</text>""");
        svg.Append("</svg>");
        if (note is not null)
        {
            svg.Append($"""<span class="legend-note">{Markup.Text(note)}</span>""");
        }
        return svg.ToString();
    }
}
