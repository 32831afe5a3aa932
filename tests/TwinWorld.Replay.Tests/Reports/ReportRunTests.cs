using TwinWorld.Replay.Reports;
using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Running;
using static TwinWorld.Replay.Tests.Reports.Synthetic;

namespace TwinWorld.Replay.Tests.Reports;

public class ReportRunTests
{
    private static ScenarioRun Wildfire(Dictionary<string, string>? overrides = null)
    {
        var load = ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "Shipped", "wildfire-wui.yaml"), overrides);
        Assert.True(load.Succeeded, string.Join(Environment.NewLine, load.Errors));
        return new ScenarioRun(load.Scenario!, workers: 2);
    }

    [Fact]
    public void A_scenario_run_gives_its_samples_the_parameters_it_changed_and_its_maps_now()
    {
        var run = Wildfire(new() { ["wind_speed"] = "20", ["shift_at"] = "4m" });
        run.RunToEnd(TimeSpan.FromSeconds(80));

        var report = ReportRun.From(run, "windy");

        Assert.Equal("windy", report.Name);
        Assert.Equal("wind_speed=20", report.Parameters);
        Assert.Equal(run.Samples, report.Samples);
        Assert.Equal(TimeSpan.FromSeconds(80), report.End);
        Assert.Equal(TimeSpan.FromSeconds(80), report.Maps!.At);
        Assert.Same(run.Simulation.Site.Terrain, report.Maps.Terrain);
        Assert.True(report.Maps.FireArrivalSeconds.Count(float.IsFinite) > 0, "the fire lit at 20 s has burned cells");
        Assert.All(report.Maps.FireArrivalSeconds.Where(float.IsFinite), t => Assert.InRange(t, 20, 80));
        Assert.All(report.Maps.FloodArrivalSeconds, t => Assert.Equal(float.PositiveInfinity, t));
        Assert.All(report.Maps.FloodMaxDepth, d => Assert.Equal(0, d));
        Assert.Null(ReportRun.From(run, "no maps", withMaps: false).Maps);
    }

    [Fact]
    public void Captured_maps_are_copies_that_stay_as_they_were_while_the_run_goes_on()
    {
        var run = Wildfire(new() { ["wind_speed"] = "20" });
        run.RunToEnd(TimeSpan.FromSeconds(60));
        var maps = RunMaps.Capture(run.Simulation);
        var copy = (float[])maps.FireArrivalSeconds.Clone();

        for (int i = 0; i < 60 * run.Simulation.TickRateHz; i++)
        {
            run.Simulation.Step();
        }

        Assert.Equal(copy, maps.FireArrivalSeconds);
        Assert.True(RunMaps.Capture(run.Simulation).FireArrivalSeconds.Count(float.IsFinite) > copy.Count(float.IsFinite), "the fire spread since");
    }

    [Fact]
    public void Unchanged_parameters_are_described_as_defaults()
    {
        Assert.Equal("defaults", ReportRun.DescribeParameters(Wildfire().Scenario));
    }

    [Fact]
    public void Runs_and_reports_refuse_what_they_cannot_show()
    {
        Assert.Throws<ArgumentException>(() => new ReportRun("empty", "", []));
        Assert.Throws<ArgumentException>(() => new ReportRun(" ", "", [(TimeSpan.Zero, Outcome(0))]));
        Assert.Throws<ArgumentException>(() => Run("backwards", Outcome(2), Outcome(1)));
        Assert.Throws<ArgumentException>(() => Run("twice", Outcome(1), Outcome(1)));
        Assert.Throws<ArgumentException>(() => new ComparisonReport("t", []));
        Assert.Contains("Two runs are named 'a'", Assert.Throws<ArgumentException>(() => new ComparisonReport("t", [Run("a", Outcome(1)), Run("a", Outcome(2))])).Message);
        Assert.Throws<ArgumentException>(() => new RunMaps(Coast(), TimeSpan.Zero, new float[3], new float[48], new float[48]));
    }

    [Fact]
    public void Write_to_puts_both_files_in_the_folder()
    {
        string dir = Path.Combine(Directory.CreateTempSubdirectory("twinworld-report-").FullName, "new", "folder");
        try
        {
            string html = new ComparisonReport("t", [Run("a", Outcome(1, evacuated: 7))]).WriteTo(dir);

            Assert.Equal(Path.Combine(dir, "report.html"), html);
            Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(html));
            Assert.Equal("60,1m00s,1000,7", string.Join(",", File.ReadAllLines(Path.Combine(dir, "report.csv"))[1].Split(',').Take(4)));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(dir))!, recursive: true);
        }
    }
}
