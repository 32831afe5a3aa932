using Spectre.Console;
using TwinWorld.Replay.Reports;
using TwinWorld.Simulation;

namespace TwinWorld.Cli.Commands;

/// <summary>Runs side by side in the console: each figure over time, and the final figures with differences from the first run.</summary>
internal static class OutcomeTable
{
    private static readonly (string Label, Func<RunOutcome, double> Value, string Format)[] Figures =
    [
        ("agents", o => o.Agents, "N0"),
        ("evacuated", o => o.Evacuated, "N0"),
        ("injured", o => o.Injured, "N0"),
        ("incapacitated", o => o.Incapacitated, "N0"),
        ("flooded ha", o => o.FloodedArea / 10_000, "F2"),
        ("max depth m", o => o.MaxInundationDepth, "F2"),
        ("burned ha", o => o.BurnedArea / 10_000, "F2"),
        ("damaged bldg m2", o => o.DamagedBuildingArea, "N0"),
    ];

    /// <summary>The figures worth a column or table: agents always, the rest where some run is not zero throughout.</summary>
    private static IEnumerable<(string Label, Func<RunOutcome, double> Value, string Format)> Shown(IReadOnlyList<ReportRun> runs)
        => Figures.Where(f => f.Label == "agents" || runs.Any(r => r.Samples.Any(s => f.Value(s.Outcome) != 0)));

    /// <summary>One table per figure that is not zero throughout: a row per time any run was sampled, a column per run.</summary>
    public static void WriteOverTime(IReadOnlyList<ReportRun> runs)
    {
        var times = runs.SelectMany(r => r.Samples.Select(s => s.At)).Distinct().Order().ToList();
        foreach (var (label, value, format) in Shown(runs).Where(f => f.Label != "agents" || runs.Any(r => r.Samples.DistinctBy(s => s.Outcome.Agents).Count() > 1)))
        {
            var table = new Table().Title(Markup.Escape(label)).AddColumn("time");
            foreach (var run in runs)
            {
                table.AddColumn(new TableColumn(Markup.Escape(run.Name)).RightAligned());
            }
            foreach (var time in times)
            {
                table.AddRow([Duration.Format(time), .. runs.Select(r => r.Samples.Where(s => s.At == time).Select(s => value(s.Outcome).ToString(format)).FirstOrDefault() ?? "")]);
            }
            AnsiConsole.Write(table);
        }
    }

    /// <summary>
    /// The final figures of each run, with each later run's difference from the first, and a warning when they are
    /// not from the same moment.
    /// </summary>
    public static void WriteFinal(IReadOnlyList<ReportRun> runs)
    {
        var figures = Shown(runs).ToList();
        var table = new Table().Title("Outcome").AddColumn("run").AddColumn("parameters").AddColumn("at");
        foreach (var (label, _, _) in figures)
        {
            table.AddColumn(new TableColumn(label).RightAligned());
        }
        var baseline = runs[0].Final;
        foreach (var run in runs)
        {
            var cells = figures.Select(f =>
            {
                double now = f.Value(run.Final);
                double change = now - f.Value(baseline);
                return run == runs[0] || change == 0 ? now.ToString(f.Format) : $"{now.ToString(f.Format)} ({(change > 0 ? "+" : "")}{change.ToString(f.Format)})";
            });
            table.AddRow([Markup.Escape(run.Name), Markup.Escape(run.Parameters), Duration.Format(run.End), .. cells]);
        }
        AnsiConsole.Write(table);
        if (runs.Select(r => r.End).Distinct().Count() > 1)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"Warning: the runs ended at different times ({string.Join(", ", runs.Select(r => Duration.Format(r.End)))}), so these last figures are not from the same moment; the tables over time line them up."));
        }
    }

    /// <summary>Writes the HTML and CSV report, or prints why it could not be written (the command exits 1).</summary>
    public static bool WriteReport(DirectoryInfo folder, string title, IReadOnlyList<ReportRun> runs, string description)
    {
        try
        {
            string html = new ComparisonReport(title, runs, description).WriteTo(folder.FullName);
            AnsiConsole.MarkupLine(Markup.Escape($"Report: {html} (and {ComparisonReport.CsvFile} beside it)."));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"--report {folder}: cannot write it: {e.Message}");
            return false;
        }
    }
}
