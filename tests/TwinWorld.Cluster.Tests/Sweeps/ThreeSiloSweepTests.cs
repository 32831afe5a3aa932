using TwinWorld.Cluster.Runs;
using TwinWorld.Cluster.Sweeps;

namespace TwinWorld.Cluster.Tests.Sweeps;

/// <summary>Sweeps on three silos in this process: what they give is what a local sweep gives, spread over the silos.</summary>
public sealed class ThreeSiloSweepTests(ThreeSiloCluster three) : IClassFixture<ThreeSiloCluster>, IDisposable
{
    internal static readonly string SmallFire = Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-fire.yaml");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"twin-cluster-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_12_run_sweep_on_three_silos_is_the_local_sweep_to_the_byte()
    {
        string[] sweep = ["sweep", SmallFire, "--vary", "wind_speed=1..15:3", "--seeds", "4", "--until", "30s"];
        string local = Path.Combine(_folder, "local"), cluster = Path.Combine(_folder, "cluster");

        var (localExit, localOutput) = await TwinProcess.Run(TimeSpan.FromMinutes(3), [.. sweep, "--parallel", "2", "--out", local]);
        var (clusterExit, clusterOutput) = await TwinProcess.Run(TimeSpan.FromMinutes(3), [.. sweep, "--cluster", three.Gateways, "--cluster-id", three.Cluster.Options.ClusterId, "--out", cluster]);

        Assert.True(localExit == 0, localOutput);
        Assert.True(clusterExit == 0, clusterOutput);
        Assert.Contains("= 12 runs, on the cluster at", clusterOutput);
        Assert.Contains("(3 silo(s))", clusterOutput);
        Assert.Contains("[12/12]", clusterOutput);
        Assert.Equal(Table(localOutput), Table(clusterOutput));
        Assert.Equal(File.ReadAllText(Path.Combine(local, "runs.csv")), File.ReadAllText(Path.Combine(cluster, "runs.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(local, "summary.csv")), File.ReadAllText(Path.Combine(cluster, "summary.csv")));
        string[] runFiles = [.. Directory.GetFiles(Path.Combine(local, "runs")).Select(Path.GetFileName).Order()!];
        Assert.Equal(12, runFiles.Length);
        Assert.Equal(runFiles, Directory.GetFiles(Path.Combine(cluster, "runs")).Select(Path.GetFileName).Order());
        Assert.All(runFiles, name => Assert.Equal(File.ReadAllBytes(Path.Combine(local, "runs", name)), File.ReadAllBytes(Path.Combine(cluster, "runs", name))));
    }

    [Fact]
    public async Task Runs_spread_over_the_silos_and_a_run_that_fails_is_reported_once_not_retried()
    {
        string yaml = File.ReadAllText(SmallFire);
        var good = new RunRequest(new ScenarioSource(yaml, SmallFire, new Dictionary<string, string> { ["wind_speed"] = "5" }, 3), TimeSpan.FromSeconds(30));
        // What a silo meets when its copy of a scenario's terrain differs: the scenario does not load there.
        var broken = good with { Source = good.Source with { Overrides = new Dictionary<string, string> { ["wind_speed"] = "500" }, Seed = 9 } };
        RunRequest[] runs = [.. Enumerable.Range(0, 6).Select(i => good with { Source = good.Source with { Seed = 3 + (ulong)i } }), broken];
        var heard = new List<int>();

        var results = await new ClusterSweep(three.Cluster.Client).RunAsync(runs, runs.Length, (i, _) => heard.Add(i), CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, runs.Length), heard.Order());
        Assert.All(results[..6], r => Assert.NotNull(r!.Summary));
        Assert.True(results[..6].Select(r => r!.Silo).Distinct().Count() >= 2, string.Join(", ", results.Select(r => r!.Silo)));
        var failed = results[6]!;
        Assert.Null(failed.Summary);
        Assert.Equal(1, failed.Starts);
        Assert.Contains("did not load on this silo", failed.Problem);
        Assert.Contains("wind_speed", failed.Problem);
    }

    [Fact]
    public async Task A_run_no_client_asks_about_is_cancelled_by_its_silo()
    {
        var grain = three.Cluster.Client.GetGrain<IScenarioRunGrain>($"orphan-{Guid.NewGuid():N}");
        await grain.Start(new RunRequest(new ScenarioSource(File.ReadAllText(SmallFire), SmallFire, new Dictionary<string, string>(), 3), Until: null));
        Assert.Contains((await grain.Poll()).State, new[] { RunState.Queued, RunState.Running });

        // The client goes quiet (as one killed would) for longer than the silo waits; the timer looks once per OrphanAfter.
        await Task.Delay((ThreeSiloCluster.OrphanAfter * 2) + TimeSpan.FromSeconds(2));

        // Cancelled and gone: this poll meets a fresh grain, which holds no run.
        Assert.Equal(RunState.Unknown, (await grain.Poll()).State);
    }

    /// <summary>The outcome table a sweep prints, from its title to its last line.</summary>
    internal static string Table(string output)
    {
        int start = output.IndexOf("Outcomes across", StringComparison.Ordinal);
        int end = output.IndexOf(" runs ended in ", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, output);
        return output[start..output.LastIndexOf('\n', end)];
    }
}
