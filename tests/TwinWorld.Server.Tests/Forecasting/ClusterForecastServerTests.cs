using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using TwinWorld.Client;
using TwinWorld.Cluster.Silos;
using TwinWorld.Protocol.V1;
using TwinWorld.TestSupport;

namespace TwinWorld.Server.Tests.Forecasting;

/// <summary>The real server with Forecasts:Cluster: analysts' forecasts go to a silo, and a cluster that is not there is a clear answer, not a hang.</summary>
public sealed class ClusterForecastServerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly string SmallFire = Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-fire.yaml");

    private const string SecondFire = "fire: {at: [60, 128], radius: 6}";

    [Fact]
    public async Task A_forecast_is_served_by_the_silo_and_one_asked_once_the_silo_is_gone_is_refused_plainly_while_the_world_ticks_on()
    {
        int[] ports = FreePorts(2);
        string clusterId = $"twinworld-server-{Guid.NewGuid():N}";
        using var silo = SiloHost.Build(new SiloSettings { SiloPort = ports[0], GatewayPort = ports[1], ClusterId = clusterId, RunsAtOnce = 1 });
        await silo.StartAsync();
        using var server = Server($"127.0.0.1:{ports[1]}", $"--Forecasts:ClusterId={clusterId}");
        using var analyst = await Join(server);

        var samples = await analyst.ForecastAsync(60, 20, [SecondFire], Patience).ToListAsync();

        Assert.Equal(3, samples.Count);
        Assert.All(samples, s => Assert.Equal(150u, s.Agents));
        Assert.True(samples[^1].BurnedAreaM2 > samples[0].BurnedAreaM2, "the fires spread");
        Assert.Contains($"Forecasts run on the cluster '{clusterId}' at 127.0.0.1:{ports[1]}", server.Output);

        // The silo goes: the server runs no forecast itself instead, and says why.
        await silo.StopAsync();
        var error = await Assert.ThrowsAsync<TwinClientException>(() => analyst.ForecastAsync(60, 20, [SecondFire], Patience).ToListAsync().AsTask());
        Assert.Equal(ErrorCode.NotAvailable, error.Code);
        Assert.Contains($"the forecast cluster at 127.0.0.1:{ports[1]}", error.Message);
        await StillTicking(analyst);
    }

    [Fact]
    public async Task A_cluster_that_does_not_answer_gets_the_analyst_a_clear_refusal_and_frees_the_analysts_place()
    {
        int port = FreePorts(1)[0];
        using var server = Server($"127.0.0.1:{port}");
        using var analyst = await Join(server);

        // Twice: the first refusal gave its place back (Forecasts:MaxPerClient is 1), so the second is refused for the same reason.
        for (int i = 0; i < 2; i++)
        {
            var error = await Assert.ThrowsAsync<TwinClientException>(() => analyst.ForecastAsync(60, 20, [SecondFire], Patience).ToListAsync().AsTask());
            Assert.Equal(ErrorCode.NotAvailable, error.Code);
            Assert.StartsWith($"NotAvailable: the forecast cluster at 127.0.0.1:{port} does not answer (", error.Message);
        }
        await StillTicking(analyst);
        Assert.DoesNotContain("Exception", server.Output);
    }

    private static ServerProcess Server(string cluster, params string[] more)
        => new([$"--World:Scenario={SmallFire}", "--Generation:Enabled=false", $"--Forecasts:Cluster={cluster}", .. more]);

    private static async Task<TwinClient> Join(ServerProcess server)
    {
        var analyst = await TwinClient.ConnectAsync("127.0.0.1", await server.WaitForUdpPort(Patience), "dev-analyst", "analyst");
        await analyst.JoinAsync();
        await analyst.WaitForStateAsync();
        return analyst;
    }

    private static async Task StillTicking(TwinClient analyst)
    {
        long tick = analyst.Latest!.Tick;
        Assert.True((await analyst.WaitForStateAsync(tick + 20, Patience)).Tick >= tick + 20);
    }

    /// <summary>Ports free now, all different (held open together until all are found).</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        int[] ports = [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
