using System.Net;
using System.Net.Sockets;
using TwinWorld.Cluster.Forecasts;
using TwinWorld.Cluster.Runs;
using TwinWorld.Cluster.Sweeps;
using TwinWorld.Cluster.Tests.Sweeps;
using TwinWorld.Replay.Forecasts;
using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Model;
using TwinWorld.Scenarios.Running;

namespace TwinWorld.Cluster.Tests.Forecasts;

/// <summary>Live forecasts sent to silos (three, in this process, on real sockets) instead of run here.</summary>
public sealed class ClusterForecastTests(ThreeSiloCluster three) : IClassFixture<ThreeSiloCluster>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static readonly ForecastLimits Limits = new() { MaxAgents = 10_000, MaxProcessorTime = TimeSpan.FromMinutes(1) };

    /// <summary>"What if a second fire starts in the west?", asked 20 s into the run, for the next 2 minutes.</summary>
    private static readonly ForecastAsk SecondFire = new(TimeSpan.FromMinutes(2), ["fire: {at: [60, 128], radius: 6}"], TimeSpan.FromSeconds(30), Workers: 1);

    [Fact]
    public async Task A_forecast_served_by_the_cluster_is_the_local_forecast_of_the_same_state_sample_for_sample_and_hash_for_hash()
    {
        var (scenario, source, state) = LiveAt(TimeSpan.FromSeconds(20));
        await using var cluster = Runner(three.Gateways, three.Cluster.Options.ClusterId, source);

        var local = await Collect(new LocalForecastRunner(Limits), scenario, state, SecondFire);
        var remote = await Collect(cluster, scenario, state, SecondFire);

        Assert.Equal(4, local.Count);
        Assert.Equal(TimeSpan.FromSeconds(140), local[^1].At);
        Assert.True(local[^1].Outcome.BurnedArea > local[0].Outcome.BurnedArea, "the fires spread");
        Assert.Equal(local, remote);
    }

    [Fact]
    public async Task A_forecast_the_silo_refuses_gets_the_error_a_local_one_gets()
    {
        var (scenario, source, state) = LiveAt(TimeSpan.FromSeconds(1));
        await using var cluster = Runner(three.Gateways, three.Cluster.Options.ClusterId, source);
        var badFire = SecondFire with { Actions = ["fire: {at: [60, 128], radius: -3}"] };
        var crowd = SecondFire with { Actions = ["spawn: {kind: civilian, count: 20000, area: low_ground}"] };

        foreach (var (ask, expected) in new[] { (badFire, "radius"), (crowd, "a forecast may hold at most 10,000") })
        {
            var local = await Assert.ThrowsAsync<ForecastException>(() => Collect(new LocalForecastRunner(Limits), scenario, state, ask));
            var remote = await Assert.ThrowsAsync<ForecastException>(() => Collect(cluster, scenario, state, ask));
            Assert.Contains(expected, local.Message);
            Assert.Equal(local.Message, remote.Message);
            Assert.False(remote.Retryable);
        }
    }

    [Fact]
    public async Task A_cluster_that_does_not_answer_ends_the_forecast_with_a_clear_retryable_error()
    {
        var (scenario, source, state) = LiveAt(TimeSpan.FromSeconds(1));
        using var nobody = new TcpListener(IPAddress.Loopback, 0);
        nobody.Start();
        int port = ((IPEndPoint)nobody.LocalEndpoint).Port;
        nobody.Stop();
        await using var cluster = Runner($"127.0.0.1:{port}", "twinworld", source);

        var error = await Assert.ThrowsAsync<ForecastException>(() => Collect(cluster, scenario, state, SecondFire).WaitAsync(Patience));

        Assert.StartsWith($"the forecast cluster at 127.0.0.1:{port} does not answer (", error.Message);
        Assert.True(error.Retryable);
    }

    /// <summary>The small fire run live for a while: its scenario, what a silo rebuilds it from, and its state then.</summary>
    private static (Scenario Scenario, ScenarioSource Source, byte[] State) LiveAt(TimeSpan time)
    {
        string file = ThreeSiloSweepTests.SmallFire;
        var scenario = ScenarioLoader.Load(file).Scenario!;
        var live = new ScenarioRun(scenario, workers: 1);
        while (live.Simulation.SimulatedTime < time)
        {
            live.Step();
        }
        return (scenario, new ScenarioSource(File.ReadAllText(file), file, new Dictionary<string, string>(), scenario.Seed), live.SaveState());
    }

    private static ClusterForecastRunner Runner(string gateways, string clusterId, ScenarioSource source)
        => new(ClusterAddress.Parse(gateways, out _)!, clusterId, source, Limits);

    private static async Task<List<ForecastSample>> Collect(IForecastRunner runner, Scenario scenario, byte[] state, ForecastAsk ask)
    {
        var samples = new List<ForecastSample>();
        await runner.Run(scenario, state, ask, samples.Add, CancellationToken.None).WaitAsync(Patience);
        return samples;
    }
}
