using System.Numerics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TwinWorld.Client;
using TwinWorld.Server;
using TwinWorld.Server.Networking;
using TwinWorld.Simulation.Terrain;
using Sim = TwinWorld.Simulation.Simulator;

namespace TwinWorld.Net.Tests;

/// <summary>
/// The real server host, in process: the procedural town ticking at 20 Hz and networking on a free
/// loopback port, configured the way an operator would, with one token per role.
/// </summary>
public sealed class LiveServer : IAsyncLifetime, IAsyncDisposable
{
    public const string Viewer = "test-viewer", Player = "test-player", Author = "test-author", Analyst = "test-analyst", Admin = "test-admin";

    private readonly string[] _extra;
    private WebApplication? _host;

    public LiveServer()
        : this([])
    {
    }

    /// <param name="extra">More settings, such as higher rate limits.</param>
    internal LiveServer(params string[] extra) => _extra = extra;

    public int Port { get; private set; }

    /// <summary>The HTTP port (health endpoints, metrics, web viewer).</summary>
    public int HttpPort { get; private set; }

    /// <summary>A web origin besides the server's own whose pages may open /ws.</summary>
    public const string AllowedOrigin = "https://viewer.example.org";

    public Sim Simulation => _host!.Services.GetRequiredService<Sim>();

    internal NetworkService Network => _host!.Services.GetRequiredService<NetworkService>();

    public async Task InitializeAsync()
    {
        _host = ServerHost.Build(
        [
            "--Network:BindAddress=127.0.0.1", "--Network:Port=0", "--Http:Port=0",
            // Every test client comes from 127.0.0.1: the per-address limit on connection requests would count them all as one host.
            "--Network:ConnectionRequestsPerSecond=1000",
            $"--Network:Tokens:{Viewer}=viewer", $"--Network:Tokens:{Player}=player", $"--Network:Tokens:{Author}=author",
            $"--Network:Tokens:{Analyst}=analyst", $"--Network:Tokens:{Admin}=admin",
            "--World:Size=128", "--World:Agents=300", "--World:Workers=1", "--Tick:StatsIntervalSeconds=60",
            $"--Http:AllowedOrigins:0={AllowedOrigin}",
            // Tests that publish frames themselves must not see generated ones; a test that wants them turns it on.
            "--Generation:Enabled=false",
            "--World:Scenario=",
            // Nothing probes /readyz while these stop: no need to hold the listener open for a load balancer.
            "--Http:DrainSeconds=0",
            .. _extra,
        ]);
        await _host.StartAsync();
        Port = Network.Port;
        HttpPort = ServerHost.HttpPort(_host);
        Assert.NotEqual(0, Port);
    }

    public Task<TwinClient> Connect(string token, string name = "test") => TwinClient.ConnectAsync("127.0.0.1", Port, token, name);

    public async Task<TwinClient> Join(string token, string name = "test")
    {
        var client = await Connect(token, name);
        await client.JoinAsync();
        await client.WaitForStateAsync();
        return client;
    }

    /// <summary>The centre of the fuelled cell nearest the site's centre, in metres: where a clicked fire takes.</summary>
    public Vector2 BurnableCellNearCentre()
    {
        var terrain = Simulation.Site.Terrain;
        var centre = new Vector2(terrain.WidthMetres, terrain.HeightMetres) / 2;
        return Enumerable.Range(0, terrain.CellCount)
            .Where(i => terrain.Fuel[i] > 0 && terrain.LandUse[i] is LandUse.Forest or LandUse.Grass)
            .Select(terrain.CellCentre)
            .OrderBy(p => Vector2.DistanceSquared(p, centre))
            .First();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
            _host = null;
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
