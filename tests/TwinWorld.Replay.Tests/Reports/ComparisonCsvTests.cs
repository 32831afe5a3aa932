using TwinWorld.Replay.Reports;
using static TwinWorld.Replay.Tests.Reports.Synthetic;

namespace TwinWorld.Replay.Tests.Reports;

public class ComparisonCsvTests
{
    private static string[][] Csv(ComparisonReport report)
    {
        var writer = new StringWriter();
        report.WriteCsv(writer);
        string text = writer.ToString();
        Assert.EndsWith("\r\n", text);
        return text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToArray();
    }

    private static readonly string[] Metrics =
    [
        "agents", "evacuated", "injured", "incapacitated", "flooded_area_m2", "max_inundation_depth_m",
        "burned_area_m2", "burning_area_m2", "damaged_building_area_m2", "destroyed_building_area_m2",
    ];

    [Fact]
    public void The_header_is_time_then_every_metric_of_every_run_in_report_order()
    {
        var report = new ComparisonReport("t", [Run("baseline", Outcome(1)), Run("early alert", Outcome(1))]);

        var header = Csv(report)[0];

        string[] expected = ["time_s", "time", .. Metrics.Select(m => "baseline: " + m), .. Metrics.Select(m => "early alert: " + m)];
        Assert.Equal(expected, header);
    }

    [Fact]
    public void Runs_line_up_on_every_time_any_run_was_sampled_and_a_run_without_a_sample_leaves_its_cells_empty()
    {
        var baseline = Run("baseline", Outcome(1, evacuated: 10), Outcome(2, evacuated: 25, flooded: 1234.5f, depth: 0.75f), Outcome(3, evacuated: 40));
        var whatIf = Run("what-if", Outcome(1, evacuated: 12), Outcome(2.5, evacuated: 33, injured: 2, burned: 8));

        var rows = Csv(new ComparisonReport("t", [baseline, whatIf]));

        Assert.Equal(["60", "120", "150", "180"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal(["1m00s", "2m00s", "2m30s", "3m00s"], rows.Skip(1).Select(r => r[1]));
        int Column(string run, string metric) => Array.IndexOf(rows[0], $"{run}: {metric}");
        string Cell(int row, string run, string metric) => rows[row][Column(run, metric)];
        Assert.Equal(["10", "25", "", "40"], Enumerable.Range(1, 4).Select(r => Cell(r, "baseline", "evacuated")));
        Assert.Equal(["12", "", "33", ""], Enumerable.Range(1, 4).Select(r => Cell(r, "what-if", "evacuated")));
        Assert.Equal("1234.5", Cell(2, "baseline", "flooded_area_m2"));
        Assert.Equal("0.75", Cell(2, "baseline", "max_inundation_depth_m"));
        Assert.Equal("2", Cell(3, "what-if", "injured"));
        Assert.Equal("8", Cell(3, "what-if", "burned_area_m2"));
        Assert.Equal("1000", Cell(1, "what-if", "agents"));
        Assert.All(rows, r => Assert.Equal(2 + (2 * Metrics.Length), r.Length));
    }

    [Fact]
    public void Names_with_commas_and_quotes_are_quoted_and_names_that_look_like_formulas_are_defused()
    {
        var report = new ComparisonReport("t", [Run("wave \"9\", west", Outcome(1)), Run("=HYPERLINK(\"http://x\")", Outcome(1))]);
        var writer = new StringWriter();
        report.WriteCsv(writer);

        string header = writer.ToString().Split("\r\n")[0];

        Assert.Contains("\"wave \"\"9\"\", west: agents\"", header);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\"): agents\"", header);
        Assert.DoesNotContain(",=", header);
        Assert.DoesNotContain(",\"=", header);
    }
}
