namespace TwinWorld.Replay.Reports;

/// <summary>
/// Compares runs of a scenario for analysts: the first run is the baseline, the others what-if
/// variants. <see cref="WriteTo"/> writes <c>report.html</c> (one self-contained page: summary
/// table with differences from the baseline, SVG charts over time, PNG maps and difference maps)
/// and <c>report.csv</c> (every run's figures on a common time axis; columns in
/// src/TwinWorld.Replay/README.md).
/// </summary>
public sealed class ComparisonReport
{
    public const string HtmlFile = "report.html";
    public const string CsvFile = "report.csv";

    public ComparisonReport(string title, IEnumerable<ReportRun> runs, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(runs);
        var list = runs.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A report needs at least one run.", nameof(runs));
        }
        // Names head the CSV columns and label the lines, so two runs must not share one.
        var clash = list.GroupBy(r => r.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new ArgumentException($"Two runs are named '{clash.Key}'; each run needs its own name.", nameof(runs));
        }
        Title = title;
        Runs = list;
        Description = description;
    }

    public string Title { get; }

    public string? Description { get; }

    /// <summary>The runs in report order; the first is the baseline.</summary>
    public IReadOnlyList<ReportRun> Runs { get; }

    public ReportRun Baseline => Runs[0];

    /// <summary>Writes report.html and report.csv into a folder (created if missing); returns the HTML file's path.</summary>
    public string WriteTo(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        string html = Path.Combine(folder, HtmlFile);
        using (var writer = new StreamWriter(Path.Combine(folder, CsvFile)))
        {
            WriteCsv(writer);
        }
        using (var writer = new StreamWriter(html))
        {
            WriteHtml(writer);
        }
        return html;
    }

    /// <summary>The figures of every run on a common time axis, as CSV.</summary>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ComparisonCsv.Write(writer, Runs);
    }

    /// <summary>The self-contained HTML page.</summary>
    public void WriteHtml(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(new ComparisonHtml(this).Render());
    }
}
