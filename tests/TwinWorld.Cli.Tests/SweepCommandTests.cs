using System.Globalization;
using TwinWorld.Cli.Sweeps;

namespace TwinWorld.Cli.Tests;

/// <summary>
/// Real sweeps of a small scenario (150 people, a 256 m town, runs of a few simulated minutes): each
/// run is a child twin process, as when an analyst runs one.
/// </summary>
public sealed class SweepCommandTests : IDisposable
{
    private static readonly string SmallFire = Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-fire.yaml");

    private readonly string _out = Path.Combine(Path.GetTempPath(), $"twin-sweep-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public void A_sweep_runs_every_variant_with_every_seed_and_tabulates_what_changed()
    {
        var (exitCode, output, errors) = Twin.Run("sweep", SmallFire, "--vary", "wind_speed=1..15:2", "--seeds", "2", "--parallel", "2", "--until", "2m", "--out", _out);

        Assert.True(exitCode == 0, errors + output);
        Assert.Contains("Sweep of 'small-fire': 2 variant(s) x 2 seed(s) (3, 4) = 4 runs, 2 at a time", output);
        Assert.Contains("[4/4]", output);
        Assert.Contains("evacuation time (95%)", output);
        Assert.DoesNotContain("\u001b[", output);

        var runs = ReadCsv(Path.Combine(_out, "runs.csv"));
        Assert.Equal(["v1:1:3", "v1:1:4", "v2:15:3", "v2:15:4"], runs.Select(r => $"{r["variant"]}:{r["wind_speed"]}:{r["seed"]}"));
        Assert.All(runs, r => Assert.Equal("0", r["exit_code"]));
        Assert.All(runs, r => Assert.Equal("120", r["simulated_s"]));
        // Another seed is another run: a different final state for the same parameter values.
        Assert.NotEqual(runs[0]["state_hash"], runs[1]["state_hash"]);
        Assert.NotEqual(runs[2]["state_hash"], runs[3]["state_hash"]);

        var summary = ReadCsv(Path.Combine(_out, "summary.csv"));
        Assert.Equal(["v1", "v2"], summary.Select(r => r["variant"]));
        Assert.Equal(["1", "15"], summary.Select(r => r["wind_speed"]));
        Assert.All(summary, r => Assert.Equal(("2", "0"), (r["runs"], r["failed"])));
        // The stronger wind drives the fire further: the varied value reached the runs.
        Assert.True(Number(summary[1], "burned_area_m2_mean") > 2 * Number(summary[0], "burned_area_m2_mean"), "burned: " + string.Join(", ", summary.Select(r => r["burned_area_m2_mean"])));
        // The summary's statistics are those of its variant's runs.
        foreach (var (variant, rows) in new[] { (summary[0], runs[..2]), (summary[1], runs[2..]) })
        {
            foreach (string metric in new[] { "evacuated", "injured", "burned_area_m2", "evacuation_time_s" })
            {
                double[] values = [.. rows.Select(r => Number(r, metric))];
                Assert.Equal(values.Average(), Number(variant, $"{metric}_mean"), 6);
                Assert.Equal(Percentile.Of(values, 0.5), Number(variant, $"{metric}_p50"), 6);
                Assert.Equal(values.Min() + (0.95 * (values.Max() - values.Min())), Number(variant, $"{metric}_p95"), 6);
            }
        }
        // Each run left its summary, and it is the run the table says it is.
        string json = File.ReadAllText(Path.Combine(_out, "runs", "v2-seed4.json"));
        Assert.Contains("\"seed\": 4", json);
        Assert.Contains("\"wind_speed\": \"15\"", json);
        Assert.Contains($"\"state_hash\": \"{runs[3]["state_hash"]}\"", json);
    }

    [Theory]
    [InlineData("wind_sped=1,2", "--vary wind_sped: the scenario has no parameter 'wind_sped' (did you mean 'wind_speed'?)")]
    [InlineData("wind_speed=10..90:3", "small-fire.yaml:1:1: --vary wind_speed=90: the value 90 is outside the range 0 to 30")]
    [InlineData("wind_speed=1m..2m:2", "wind speed must be a number (got '1m00s')")]
    [InlineData("wind_speed=1..5", "--vary wind_speed=1..5: '1..5' is not a range")]
    public void A_bad_vary_exits_2_before_any_run_starts(string vary, string expected)
    {
        var (exitCode, output, errors) = Twin.Run("sweep", SmallFire, "--vary", vary, "--seeds", "2", "--out", _out);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, errors);
        Assert.Contains("no run started", errors);
        Assert.DoesNotContain("[1/", output);
        Assert.False(Directory.Exists(_out));
    }

    [Fact]
    public void A_run_that_fails_is_reported_with_its_error_output_and_the_sweep_goes_on()
    {
        // A folder where v1's summary should go: that run refuses to start (exit 2), as one that cannot write would.
        Directory.CreateDirectory(Path.Combine(_out, "runs", "v1-seed3.json"));

        var (exitCode, output, errors) = Twin.Run("sweep", SmallFire, "--vary", "wind_speed=1,15", "--seeds", "1", "--parallel", "1", "--until", "1m", "--out", _out);

        Assert.True(exitCode == 1, errors + output);
        Assert.Contains("v1 seed 3 (wind_speed=1) failed with exit code 2; its error output ends:", output);
        Assert.Matches(@"  \| --summary .*v1-seed3\.json: that is a folder", output);
        Assert.Contains("[2/2] v2 seed 3: done", output);
        Assert.Contains("1 of 2 runs failed: v1 seed 3 (exit code 2)", errors);
        var runs = ReadCsv(Path.Combine(_out, "runs.csv"));
        Assert.Equal(("2", ""), (runs[0]["exit_code"], runs[0]["evacuated"]));
        Assert.Contains("that is a folder", runs[0]["error"]);
        Assert.Equal(("0", ""), (runs[1]["exit_code"], runs[1]["error"]));
        var summary = ReadCsv(Path.Combine(_out, "summary.csv"));
        Assert.Equal(("0", "1", ""), (summary[0]["runs"], summary[0]["failed"], summary[0]["evacuated_mean"]));
        Assert.Equal(("1", "0"), (summary[1]["runs"], summary[1]["failed"]));
    }

    [Fact]
    public async Task Ctrl_C_stops_the_sweep_and_kills_its_running_children()
    {
        var (sweep, output, errors) = Twin.Start("sweep", SmallFire, "--vary", "wind_speed=1,15", "--seeds", "3", "--parallel", "2", "--until", "30m", "--out", _out);
        using (sweep)
        {
            int[] children = [];
            for (int attempt = 0; attempt < 600 && children.Length < 2 && !sweep.HasExited; attempt++)
            {
                await Task.Delay(100);
                children = ChildrenOf(sweep.Id);
            }
            Assert.True(children.Length == 2, $"two runs should be running: {children.Length} found\n{(sweep.HasExited ? await output + await errors : "")}");

            using (var interrupt = System.Diagnostics.Process.Start("kill", ["-INT", sweep.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await sweep.WaitForExitAsync(patience.Token);

            Assert.Equal(130, sweep.ExitCode);
            Assert.Contains("Stopped: 6 of 6 runs did not run to the end (those running were killed)", await errors);
            Assert.All(children, child => Assert.False(IsRunning(child), $"run process {child} is still running"));
            Assert.True(File.Exists(Path.Combine(_out, "summary.csv")));
        }
    }

    /// <summary>The processes whose parent is this one, from /proc (Linux, where the suite runs).</summary>
    private static int[] ChildrenOf(int parent) => [.. Directory.EnumerateDirectories("/proc")
        .Select(Path.GetFileName).Where(name => name!.All(char.IsAsciiDigit)).Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
        .Where(pid => Stat(pid) is { } stat && stat.Parent == parent)];

    private static bool IsRunning(int pid) => Stat(pid) is { State: not 'Z' };

    /// <summary>/proc/pid/stat: "pid (name) state ppid ..."; the name may hold spaces, so read after its last ')'.</summary>
    private static (char State, int Parent)? Stat(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null; // it has gone
        }
    }

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string[] header = lines[0].Split(',');
        // The tests' values hold no commas or quotes except the error column, which is last.
        return [.. lines.Skip(1).Select(line =>
        {
            string[] cells = line.Split(',', header.Length);
            return header.Zip(cells).ToDictionary(p => p.First, p => p.Second.Trim('"'));
        })];
    }

    private static double Number(Dictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);
}
