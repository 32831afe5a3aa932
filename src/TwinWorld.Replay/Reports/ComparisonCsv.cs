using System.Globalization;
using TwinWorld.Simulation;

namespace TwinWorld.Replay.Reports;

/// <summary>
/// The report's numbers as CSV (RFC 4180, comma-separated, invariant culture): one row per time any
/// run was sampled, in time order; then for each run, in report order, one column per metric named
/// "run name: metric". A run with no sample at a row's time leaves its cells empty (nothing is
/// interpolated or carried forward).
/// </summary>
internal static class ComparisonCsv
{
    public static void Write(TextWriter writer, IReadOnlyList<ReportRun> runs)
    {
        var header = new List<string> { "time_s", "time" };
        foreach (var run in runs)
        {
            header.AddRange(ReportMetric.All.Select(m => $"{run.Name}: {m.Column}"));
        }
        WriteRow(writer, header);

        var times = runs.SelectMany(r => r.Samples.Select(s => s.At)).Distinct().Order().ToArray();
        var next = new int[runs.Count];
        foreach (var time in times)
        {
            var row = new List<string> { time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture), Duration.Format(time) };
            for (int r = 0; r < runs.Count; r++)
            {
                var samples = runs[r].Samples;
                if (next[r] < samples.Count && samples[next[r]].At == time)
                {
                    var outcome = samples[next[r]++].Outcome;
                    row.AddRange(ReportMetric.All.Select(m => m.FormatRaw(outcome)));
                }
                else
                {
                    row.AddRange(ReportMetric.All.Select(_ => ""));
                }
            }
            WriteRow(writer, row);
        }
    }

    private static void WriteRow(TextWriter writer, IEnumerable<string> cells)
    {
        writer.Write(string.Join(",", cells.Select(Field)));
        writer.Write("\r\n");
    }

    /// <summary>
    /// Quotes a field when it needs it. Text that a spreadsheet would run as a formula (a run named
    /// "=HYPERLINK(...)") gets a leading apostrophe, the usual defence; numbers never start with one.
    /// </summary>
    internal static string Field(string text)
    {
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0]) && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            text = "'" + text;
        }
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
