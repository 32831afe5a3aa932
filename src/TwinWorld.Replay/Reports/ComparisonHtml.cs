using System.Globalization;
using System.Text;
using TwinWorld.Simulation.Hazards.Water;
using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Terrain.Files;
using TwinWorld.Simulation;

namespace TwinWorld.Replay.Reports;

/// <summary>
/// Writes a <see cref="ComparisonReport"/> as one HTML file that needs nothing else: styles inline,
/// charts as inline SVG, maps as PNG data URIs, no scripts at all. Every piece of text from the caller
/// (title, run names, parameters) is escaped.
/// </summary>
internal sealed class ComparisonHtml
{
    /// <summary>The charts, in order.</summary>
    private static readonly ReportMetric[] Charts =
        [ReportMetric.Evacuated, ReportMetric.Injured, ReportMetric.Incapacitated, ReportMetric.FloodedArea, ReportMetric.BurnedArea];

    /// <summary>The summary table's columns (agents first: differences in people read against it).</summary>
    private static readonly ReportMetric[] Summary =
    [
        ReportMetric.Agents, ReportMetric.Evacuated, ReportMetric.Injured, ReportMetric.Incapacitated, ReportMetric.FloodedArea,
        ReportMetric.MaxDepth, ReportMetric.BurnedArea, ReportMetric.DamagedBuildings, ReportMetric.DestroyedBuildings,
    ];

    private readonly ComparisonReport _report;
    private readonly IReadOnlyList<ReportRun> _runs;
    private readonly List<(ulong Hash, string Css)> _terrains = [];
    private readonly StringBuilder _html = new();

    public ComparisonHtml(ComparisonReport report)
    {
        _report = report;
        _runs = report.Runs;
    }

    public string Render()
    {
        // The body first: it decides which terrain backdrops the style sheet must carry.
        var body = new StringBuilder();
        body.Append(Header());
        body.Append(RunsSection());
        body.Append(SummarySection());
        body.Append(ChartsSection());
        body.Append(MapsSection());
        body.Append(NotesSection());

        _html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        _html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        _html.Append($"<title>{Markup.Text(_report.Title)}</title>\n<style>\n{Style}");
        for (int t = 0; t < _terrains.Count; t++)
        {
            _html.Append($".terrain-{t} {{ background-image: url(\"{_terrains[t].Css}\"); }}\n");
        }
        _html.Append("</style>\n</head>\n<body>\n");
        _html.Append(body);
        _html.Append("</body>\n</html>\n");
        return _html.ToString();
    }

    private string Header()
    {
        var s = new StringBuilder();
        s.Append($"<header>\n<h1>{Markup.Text(_report.Title)}</h1>\n");
        if (!string.IsNullOrWhiteSpace(_report.Description))
        {
            s.Append($"<p class=\"description\">{Markup.Text(_report.Description)}</p>\n");
        }
        string runs = _runs.Count == 1 ? "One run" : $"{_runs.Count} runs, compared with the first, <strong>{Markup.Text(_runs[0].Name)}</strong> (the baseline)";
        s.Append($"<p>{runs}. The numbers are also in <code>{ComparisonReport.CsvFile}</code> beside this file.</p>\n</header>\n");
        return s.ToString();
    }

    private string RunsSection()
    {
        var s = new StringBuilder("<section id=\"runs\">\n<h2>Runs</h2>\n<table class=\"runs\">\n<thead><tr><th>line</th><th>run</th><th>parameters</th><th>samples</th><th>last sample</th><th>maps</th></tr></thead>\n<tbody>\n");
        for (int r = 0; r < _runs.Count; r++)
        {
            var run = _runs[r];
            string maps = run.Maps is { } m ? $"at {Duration.Format(m.At)}" : "none";
            s.Append($"<tr><td>{Swatch(r)}</td><th scope=\"row\">{Markup.Text(run.Name)}{(r == 0 ? " <span class=\"tag\">baseline</span>" : "")}</th>");
            s.Append($"<td>{Markup.Text(run.Parameters)}</td><td class=\"num\">{run.Samples.Count}</td><td class=\"num\">{Duration.Format(run.End)}</td><td>{maps}</td></tr>\n");
        }
        s.Append("</tbody>\n</table>\n</section>\n");
        return s.ToString();
    }

    private string SummarySection()
    {
        var baseline = _runs[0];
        var s = new StringBuilder("<section id=\"summary\">\n<h2>Outcome at the end of each run</h2>\n<table class=\"summary\">\n<thead><tr><th>run</th><th>at</th>");
        foreach (var metric in Summary)
        {
            s.Append($"<th>{Markup.Text(metric.Label)}</th>");
        }
        s.Append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < _runs.Count; r++)
        {
            var run = _runs[r];
            s.Append($"<tr data-run=\"{r}\"><th scope=\"row\">{Swatch(r)} {Markup.Text(run.Name)}</th><td class=\"num\">{Duration.Format(run.End)}</td>");
            foreach (var metric in Summary)
            {
                double value = metric.Read(run.Final);
                s.Append($"<td class=\"num\" data-metric=\"{metric.Column}\"><span class=\"value\">{Markup.Text(metric.Format(value))}</span>");
                if (r > 0)
                {
                    double difference = value - metric.Read(baseline.Final);
                    s.Append($"<br><span class=\"diff {Judge(metric, difference)}\">{Markup.Text(metric.FormatDifference(difference))}</span>");
                }
                s.Append("</td>");
            }
            s.Append("</tr>\n");
        }
        s.Append("</tbody>\n</table>\n");
        if (_runs.Count > 1)
        {
            s.Append($"<p class=\"note\">Second lines are differences from the baseline, <strong>{Markup.Text(baseline.Name)}</strong>: green where the what-if did better, red where it did worse.</p>\n");
            if (_runs.Select(r => r.End).Distinct().Count() > 1)
            {
                s.Append("<p class=\"warning\">The runs ended at different times, so their last figures are not from the same moment; the charts below line them up.</p>\n");
            }
            s.Append("<ul class=\"findings\">\n");
            foreach (var run in _runs.Skip(1))
            {
                var changes = Summary.Skip(1)
                    .Select(m => (Metric: m, Difference: m.Read(run.Final) - m.Read(baseline.Final)))
                    .Where(c => !c.Metric.IsZero(c.Difference))
                    .Select(c => $"{c.Metric.FormatDifference(c.Difference)} {c.Metric.Label}")
                    .ToArray();
                string what = changes.Length == 0 ? "the same final outcome as" : string.Join(", ", changes) + " compared with";
                s.Append($"<li><strong>{Markup.Text(run.Name)}</strong> ({Markup.Text(run.Parameters)}): {Markup.Text(what)} {Markup.Text(baseline.Name)}.</li>\n");
            }
            s.Append("</ul>\n");
        }
        s.Append("</section>\n");
        return s.ToString();
    }

    private string ChartsSection()
    {
        var s = new StringBuilder("<section id=\"charts\">\n<h2>Over time</h2>\n<div class=\"charts\">\n");
        foreach (var metric in Charts)
        {
            // Areas read best in hectares once any reaches one; below that, in square metres.
            bool hectares = metric.Unit == "m²" && _runs.SelectMany(r => r.Samples).Any(x => metric.Read(x.Outcome) >= 10_000);
            var (unit, scale) = hectares ? ("ha", 1e-4) : (metric.Unit, 1.0);
            s.Append($"<figure class=\"chart-figure\" data-metric=\"{metric.Column}\">\n<figcaption>{Markup.Text(Capitalised(metric.Label))} ({Markup.Text(unit)})</figcaption>\n");
            s.Append(Legend(metric));
            s.Append(LineChart.Render(metric.Label, unit, _runs, metric.Read, scale, wholeNumbers: !hectares));
            s.Append("\n</figure>\n");
        }
        s.Append("</div>\n</section>\n");
        return s.ToString();
    }

    private string MapsSection()
    {
        var s = new StringBuilder("<section id=\"maps\">\n<h2>Maps</h2>\n");
        var mapped = _runs.Select((run, index) => (Run: run, Index: index)).Where(r => r.Run.Maps is not null).ToArray();
        if (mapped.Length == 0)
        {
            s.Append("<p class=\"note\">No maps were captured for these runs.</p>\n</section>\n");
            return s.ToString();
        }
        s.Append("<p>North is up. Each kind of map has one colour scale for every run, so colours compare across runs.</p>\n");
        foreach (var kind in MapKind.All)
        {
            if (!mapped.Any(r => kind.AnyShown(r.Run.Maps!)))
            {
                s.Append($"<h3>{Markup.Text(kind.Title)}</h3>\n<p class=\"note\">Nothing to show: {(kind == MapKind.FireArrival ? "nothing burned" : "no land flooded")} in any run.</p>\n");
                continue;
            }
            var scale = AxisScale.Covering(mapped.Max(r => kind.MaxShown(r.Run.Maps!)), target: 4);
            s.Append($"<h3>{Markup.Text(kind.Title)}</h3>\n<p>{Markup.Text(kind.Explanation)}</p>\n<div class=\"maps\">\n");
            foreach (var (run, index) in mapped)
            {
                var maps = run.Maps!;
                var rgba = MapRaster.Layer(maps.Terrain, kind.Values(maps), kind.Shows, kind.Combine, v =>
                {
                    var (r, g, b) = kind.Ramp.At(v * kind.UnitsPerValue / scale.Top);
                    return (r, g, b);
                });
                s.Append(MapFigure(run.Name, index, maps.Terrain, rgba, $"{kind.Title}, {run.Name}", kind.Id, maps));
            }
            s.Append("</div>\n");
            s.Append(MapLegend.Render(kind.Id, kind.Ramp, 0, scale.Top, scale.Ticks, scale.Label, kind.Unit));
            s.Append('\n');
        }
        s.Append(DifferenceMaps(mapped));
        s.Append("</section>\n");
        return s.ToString();
    }

    /// <summary>Max depth, what-if minus baseline, for each what-if on the baseline's grid.</summary>
    private string DifferenceMaps((ReportRun Run, int Index)[] mapped)
    {
        if (mapped.Length < 2)
        {
            return "";
        }
        var s = new StringBuilder("<h3>Deepest water: what-if minus baseline</h3>\n");
        var baseline = _runs[0];
        if (baseline.Maps is not { } reference)
        {
            s.Append($"<p class=\"note\">No difference maps: the baseline, {Markup.Text(baseline.Name)}, has no maps.</p>\n");
            return s.ToString();
        }
        const float NoChange = 0.01f;
        var differences = new List<(ReportRun Run, int Index, float[] Difference)>();
        foreach (var (run, index) in mapped.Where(r => r.Index > 0))
        {
            var maps = run.Maps!;
            var (a, b) = (reference.Terrain, maps.Terrain);
            if (a.Width != b.Width || a.Height != b.Height || a.CellSize != b.CellSize)
            {
                s.Append($"<p class=\"note\">No difference map for {Markup.Text(run.Name)}: its grid ({b.Width} x {b.Height} cells of {b.CellSize} m) is not the baseline's ({a.Width} x {a.Height} of {a.CellSize} m).</p>\n");
                continue;
            }
            var difference = new float[a.CellCount];
            bool anyWater = false;
            for (int cell = 0; cell < difference.Length; cell++)
            {
                float before = reference.FloodMaxDepth[cell], after = maps.FloodMaxDepth[cell];
                bool wet = before >= FloodMaps.FloodedDepth || after >= FloodMaps.FloodedDepth;
                difference[cell] = wet ? after - before : float.NaN;
                anyWater |= wet;
            }
            if (!anyWater)
            {
                s.Append($"<p class=\"note\">No difference map for {Markup.Text(run.Name)}: no land flooded in it or in the baseline.</p>\n");
                continue;
            }
            differences.Add((run, index, difference));
        }
        if (differences.Count == 0)
        {
            return s.ToString();
        }
        double largest = differences.Max(d => d.Difference.Where(float.IsFinite).Select(MathF.Abs).DefaultIfEmpty(0).Max());
        var half = AxisScale.Covering(largest, target: 2);
        double top = half.Top;
        s.Append($"<p>Where the what-if's deepest water was deeper than the baseline's (red) or shallower (blue), on land either run flooded; within {NoChange * 100:0} cm counts as no change (pale grey).</p>\n<div class=\"maps\">\n");
        foreach (var (run, index, difference) in differences)
        {
            var rgba = MapRaster.Layer(run.Maps!.Terrain, difference, v => !float.IsNaN(v), (x, y) => MathF.Abs(y) > MathF.Abs(x) ? y : x, v =>
                MathF.Abs(v) < NoChange ? ((byte)205, (byte)205, (byte)205) : ColourRamp.Difference.At(0.5 + (v / (2 * top))));
            s.Append(MapFigure($"{run.Name} minus {baseline.Name}", index, run.Maps!.Terrain, rgba, $"Deepest water, {run.Name} minus {baseline.Name}", "depth-difference", run.Maps!));
        }
        s.Append("</div>\n");
        var ticks = half.Ticks.Skip(1).Reverse().Select(t => -t).Concat(half.Ticks).ToArray();
        s.Append(MapLegend.Render("depth-difference", ColourRamp.Difference, -top, top, ticks, v => (v > 0 ? "+" : "") + half.Label(v), "m"));
        s.Append('\n');
        return s.ToString();
    }

    private string MapFigure(string caption, int run, TerrainGrid terrain, byte[] rgba, string alt, string kind, RunMaps maps)
    {
        var (width, height) = MapRaster.SizeOf(terrain);
        string png = Convert.ToBase64String(Png.EncodeRgba(width, height, rgba));
        string size = $"{terrain.Width} x {terrain.Height} cells of {terrain.CellSize.ToString("0.##", CultureInfo.InvariantCulture)} m, at {Duration.Format(maps.At)}";
        return $"<figure class=\"map-figure\" data-map=\"{kind}\" data-run=\"{run}\">\n<figcaption>{Swatch(run)} {Markup.Text(caption)}</figcaption>\n"
            + $"<div class=\"map {TerrainClass(terrain)}\" style=\"aspect-ratio: {width} / {height}\"><img class=\"map-layer\" width=\"{width}\" height=\"{height}\" alt=\"{Markup.Text(alt)}\" src=\"data:image/png;base64,{png}\"></div>\n"
            + $"<p class=\"map-size\">{size}</p>\n</figure>\n";
    }

    /// <summary>The CSS class whose background is this terrain's backdrop; each distinct terrain is embedded once.</summary>
    private string TerrainClass(TerrainGrid terrain)
    {
        ulong hash = terrain.ComputeHash();
        int index = _terrains.FindIndex(t => t.Hash == hash);
        if (index < 0)
        {
            var (width, height) = MapRaster.SizeOf(terrain);
            string png = Convert.ToBase64String(Png.EncodeRgb(width, height, MapRaster.Backdrop(terrain)));
            _terrains.Add((hash, $"data:image/png;base64,{png}"));
            index = _terrains.Count - 1;
        }
        return $"terrain-{index}";
    }

    private string NotesSection() => """
        <section id="notes">
        <h2>About the figures</h2>
        <ul>
        <li><strong>Evacuated</strong>: people who reached a shelter. <strong>Injured</strong> and <strong>incapacitated</strong>: people hurt by water, heat, smoke or wind, as they are at that time.</li>
        <li><strong>Flooded area</strong>: land that was dry at the start and has had at least 0.1 m of water. <strong>Max inundation depth</strong>: the deepest water on such land so far.</li>
        <li><strong>Burned area</strong>: ground that has burned or is burning. <strong>Damaged</strong> and <strong>destroyed buildings</strong>: building footprint with any damage, and destroyed.</li>
        <li>Charts join each run's own samples; a run with fewer or later samples simply has fewer points. Lines that coincide are drawn one inside the other, the earlier run wider, and the legend says which. Areas of a hectare (10,000 m²) or more are given in hectares.</li>
        </ul>
        </section>

        """;

    /// <summary>The runs' lines, naming for each run whose line this chart draws over an earlier run's identical one.</summary>
    private string Legend(ReportMetric metric)
    {
        var s = new StringBuilder("<ul class=\"legend\">");
        for (int r = 0; r < _runs.Count; r++)
        {
            var line = _runs[r].Samples.Select(x => (x.At, metric.Read(x.Outcome))).ToArray();
            var same = _runs.Take(r).FirstOrDefault(earlier => earlier.Samples.Select(x => (x.At, metric.Read(x.Outcome))).SequenceEqual(line));
            string note = same is null ? "" : $" <span class=\"same-as\">(the same as {Markup.Text(same.Name)})</span>";
            s.Append($"<li>{Swatch(r)} {Markup.Text(_runs[r].Name)}{note}</li>");
        }
        s.Append("</ul>\n");
        return s.ToString();
    }

    /// <summary>A run's line and marker, small, as in the charts.</summary>
    private static string Swatch(int run)
    {
        var style = RunStyle.For(run);
        string dash = style.Dash.Length > 0 ? $" stroke-dasharray=\"{style.Dash}\"" : "";
        return $"<svg class=\"swatch\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 44 14\" width=\"44\" height=\"14\" aria-hidden=\"true\">"
            + $"<line x1=\"2\" x2=\"42\" y1=\"7\" y2=\"7\" stroke=\"{style.Colour}\" stroke-width=\"{Markup.Number(style.Width)}\"{dash}/>"
            + LineChart.Marker(style, 22, 7, null) + "</svg>";
    }

    private static string Judge(ReportMetric metric, double difference) =>
        metric.IsZero(difference) || metric == ReportMetric.Agents ? "same" : (difference > 0) == metric.HigherIsBetter ? "better" : "worse";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private const string Style = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; margin: 1.5rem auto; max-width: 1400px; padding: 0 1rem; color: #1d1d1f; background: #fff; line-height: 1.4; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
        h2 { font-size: 1.25rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; margin-top: 2rem; }
        h3 { font-size: 1.05rem; margin-bottom: 0.3rem; }
        table { border-collapse: collapse; font-size: 0.9rem; }
        th, td { border-bottom: 1px solid #e5e5e5; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
        thead th { background: #f5f5f7; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .summary td.num .value { font-weight: 600; }
        .diff { font-size: 0.85em; }
        .diff.better { color: #1a7f37; }
        .diff.worse { color: #c62828; }
        .diff.same { color: #777; }
        .tag { font-size: 0.75em; background: #eef; border-radius: 3px; padding: 0 0.3em; font-weight: normal; }
        .note, .map-size, .same-as, .legend-note { color: #555; font-size: 0.9rem; }
        .warning { color: #8a5300; }
        .charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
        figure { margin: 0; }
        figcaption { font-weight: 600; margin-bottom: 0.2rem; }
        svg.chart { max-width: 100%; height: auto; font-size: 12px; }
        svg.chart text, svg.legend text { fill: #333; }
        svg.legend { font-size: 11px; display: block; margin: 0.3rem 0 1rem; }
        ul.legend { list-style: none; padding: 0; margin: 0 0 0.2rem; display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; font-size: 0.85rem; }
        svg.swatch { vertical-align: middle; }
        .maps { display: flex; flex-wrap: wrap; gap: 1rem; }
        .map-figure { width: min(100%, 440px); }
        .map { position: relative; width: 100%; background-size: 100% 100%; background-repeat: no-repeat; image-rendering: pixelated; border: 1px solid #ccc; }
        .map img { display: block; width: 100%; height: 100%; image-rendering: pixelated; }
        code { background: #f5f5f7; padding: 0 0.2em; }

        """;
}
