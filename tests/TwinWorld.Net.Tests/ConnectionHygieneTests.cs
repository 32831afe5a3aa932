using System.Diagnostics;
using System.Net;
using TwinWorld.Client;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Net.Tests;

/// <summary>
/// The lockouts ENet allowed, against the real server host: a flood of connection requests from many
/// ports of one address, and the most connections there are slots for that never say Hello. An honest
/// client joins during each; it takes well under a second here, asserted with slack (3 s) for a loaded
/// machine. Silent connections are closed after the Hello time limit, and /readyz and /metrics tell.
/// </summary>
public class ConnectionHygieneTests
{
    private static readonly TimeSpan JoinSlack = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task An_honest_client_joins_during_a_flood_of_connection_requests_from_many_ports()
    {
        // The shipped request rate per address, not the tests' raised one.
        await using var server = new LiveServer("--Network:ConnectionRequestsPerSecond=4");
        await server.InitializeAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.HttpPort}") };

        using var flood = new ConnectionCrowd(server.Port, Enumerable.Repeat(IPAddress.Parse("127.0.0.2"), 300), reconnect: true);
        await SessionTests.WaitUntil(() => server.Network.Busy is not null);
        var joined = await TimedJoin(server);

        Assert.True(joined < JoinSlack, $"joined in {joined.TotalMilliseconds:F0} ms");
        using var ready = await http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("connection flood", await ready.Content.ReadAsStringAsync());
        string metrics = await http.GetStringAsync("/metrics");
        Assert.Matches("twinworld_net_connections_refused_total\\{reason=\"rate_limited\"\\} [1-9]", metrics);
    }

    [Fact]
    public async Task An_honest_client_joins_while_as_many_connections_as_there_are_slots_stay_silent()
    {
        await using var server = new LiveServer("--Network:MaxClients=256");
        await server.InitializeAsync();

        // 256 hosts, one silent connection each: the request rate per address lets every one in.
        using var silent = new ConnectionCrowd(server.Port, ConnectionCrowd.Addresses(256, 3), reconnect: false);
        await SessionTests.WaitUntil(() => silent.Connected >= 256);
        var joined = await TimedJoin(server);

        Assert.True(joined < JoinSlack, $"joined in {joined.TotalMilliseconds:F0} ms");
        // Silent connections take no client's slot: the server is not full (224 pushed out in a second may read as a flood).
        Assert.DoesNotContain("full", server.Network.Busy ?? "");
        Assert.True(server.Network.Connections.PushedOut > 0, "the budget of connections waiting for Hello pushed the oldest out");
    }

    [Fact]
    public async Task A_connection_that_sends_no_hello_is_closed_after_the_time_limit()
    {
        await using var server = new LiveServer("--Network:HelloTimeoutSeconds=0.5");
        await server.InitializeAsync();

        using var mute = await TwinClient.ConnectRawAsync("127.0.0.1", server.Port);
        await SessionTests.WaitUntil(() => !mute.IsConnected);

        var error = Assert.Single(mute.Errors);
        Assert.Equal(ErrorCode.HandshakeRequired, error.Code);
        Assert.Equal("no Hello within 0.5 s", error.Message);
        Assert.Equal(1, server.Network.Connections.HelloTimedOut);
    }

    [Fact]
    public async Task A_client_joins_over_ipv6()
    {
        await using var server = new LiveServer();
        await server.InitializeAsync();

        using var client = await TwinClient.ConnectAsync("::1", server.Port, LiveServer.Viewer, "v6");
        await client.JoinAsync();
        var view = await client.WaitForStateAsync();

        var reply = await client.QueryStateHashAsync(view.Tick);
        Assert.Equal(reply.ViewHash, client.FindView(view.Tick)!.ComputeHash());
    }

    private static async Task<TimeSpan> TimedJoin(LiveServer server)
    {
        var clock = Stopwatch.StartNew();
        using var honest = await server.Connect(LiveServer.Viewer, "honest");
        await honest.JoinAsync();
        return clock.Elapsed;
    }
}
