using System.Globalization;
using Spectre.Console;

namespace TwinWorld.Cli.Sweeps;

/// <summary>What a sweep found: a table of each variant's statistics on the console, summary.csv with the same, runs.csv with every run.</summary>
internal static class SweepReport
{
    public static IReadOnlyList<VariantStatistics> Statistics(IReadOnlyList<Variant> variants, IReadOnlyList<RunResult> results)
        => [.. variants.Select(v => VariantStatistics.Of(v, results))];

    /// <summary>One row per variant: its values, its run counts, then mean, p50 and p95 of every metric.</summary>
    public static void WriteSummary(string path, IReadOnlyList<string> parameters, IReadOnlyList<VariantStatistics> statistics)
    {
        var lines = new List<string>
        {
            Csv.Row(["variant", .. parameters, "runs", "failed", .. SweepMetric.All.SelectMany(m => new[] { $"{m.Column}_mean", $"{m.Column}_p50", $"{m.Column}_p95" })]),
        };
        foreach (var variant in statistics)
        {
            lines.Add(Csv.Row([variant.Variant.Label, .. variant.Variant.Values.Select(v => v.Value), Whole(variant.Succeeded), Whole(variant.Failed),
                .. variant.Metrics.SelectMany(m => new[] { Csv.Number(m.Mean), Csv.Number(m.P50), Csv.Number(m.P95) })]));
        }
        File.WriteAllLines(path, lines);
    }

    /// <summary>One row per run that ended, in plan order; a failed run has its exit code and error but no metrics.</summary>
    public static void WriteRuns(string path, IReadOnlyList<string> parameters, IReadOnlyList<RunResult> results)
    {
        var lines = new List<string>
        {
            Csv.Row(["variant", .. parameters, "seed", "exit_code", .. SweepMetric.All.Select(m => m.Column), "agents", "simulated_s", "state_hash", "summary_file", "error"]),
        };
        foreach (var result in results)
        {
            var summary = result.Summary;
            lines.Add(Csv.Row([result.Run.Variant.Label, .. result.Run.Variant.Values.Select(v => v.Value), result.Run.Seed.ToString(CultureInfo.InvariantCulture), Whole(result.ExitCode),
                .. SweepMetric.All.Select(m => summary is null ? "" : m.Read(summary) is { } value ? Csv.Number(value) : ""),
                summary is null ? "" : Whole(summary.Outcome.Agents), summary is null ? "" : Csv.Number(summary.Outcome.TimeSeconds),
                summary?.StateHash ?? "", Path.GetFileName(result.Run.SummaryPath), result.Problem]));
        }
        File.WriteAllLines(path, lines);
    }

    /// <summary>A row per variant and metric, the variant's values on its first row.</summary>
    public static void Show(IReadOnlyList<string> parameters, IReadOnlyList<VariantStatistics> statistics, int seeds)
    {
        var table = new Table().Title(Markup.Escape($"Outcomes across {seeds} seed(s): mean, 50th and 95th percentiles")).AddColumn("variant");
        foreach (string parameter in parameters)
        {
            table.AddColumn(Markup.Escape(parameter));
        }
        table.AddColumn(new TableColumn("runs").RightAligned()).AddColumn("metric");
        foreach (string column in new[] { "mean", "p50", "p95" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }
        foreach (var variant in statistics)
        {
            bool first = true;
            foreach (var metric in variant.Metrics)
            {
                string runs = variant.Failed > 0 ? $"{variant.Succeeded} ({variant.Failed} failed)" : Whole(variant.Succeeded);
                string[] head = first ? [variant.Variant.Label, .. variant.Variant.Values.Select(v => v.Value), runs] : [.. Enumerable.Repeat("", parameters.Count + 2)];
                string[] values = metric.Count == 0 ? ["-", "-", "-"] : [metric.Metric.Show(metric.Mean), metric.Metric.Show(metric.P50), metric.Metric.Show(metric.P95)];
                table.AddRow([.. head.Select(Markup.Escape), Markup.Escape(metric.Metric.Label), .. values.Select(Markup.Escape)]);
                first = false;
            }
            if (variant != statistics[^1])
            {
                table.AddEmptyRow();
            }
        }
        AnsiConsole.Write(table);
    }

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);
}
