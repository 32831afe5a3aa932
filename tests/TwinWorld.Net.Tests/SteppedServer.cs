using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using TwinWorld.Client;
using TwinWorld.Net.Interest;
using TwinWorld.Net.Sessions;
using TwinWorld.Net.State;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation;
using Sim = TwinWorld.Simulation.Simulator;

namespace TwinWorld.Net.Tests;

/// <summary>
/// A real <see cref="NetServer"/> on a loopback port whose ticks the test drives: each step runs the
/// small town one tick, keeps the server's full view of it, and publishes it. So a test knows the
/// server's state at every tick and can hold it against what its clients were sent.
/// </summary>
internal sealed class SteppedServer : IDisposable
{
    private readonly NetServer _server;
    private readonly StateViewBuilder _builder = new();

    /// <param name="streamThreads">The server's stream workers; by default the processor count, as a host has.</param>
    /// <param name="size">The site's cells a side: the town has houses from 256 up.</param>
    public SteppedServer(InterestOptions interest, int agents = 300, int? streamThreads = null, int size = 128)
    {
        Simulation = new TownScenario { Size = size, Agents = agents, Seed = 3 }.Build(20, workers: 1);
        _server = new NetServer(
            new NetServerOptions
            {
                BindAddress = IPAddress.Loopback,
                BindAddressV6 = IPAddress.IPv6Loopback,
                Port = 0,
                // Every test client comes from 127.0.0.1: the per-address limit on connection requests would count them all as one host.
                ConnectionRequestsPerSecond = 1000,
                ConnectionRequestBurst = 1000,
                Tokens = new Dictionary<string, Role> { [LiveServer.Viewer] = Role.Viewer, [LiveServer.Player] = Role.Player, [LiveServer.Author] = Role.Author },
                Interest = interest,
                StreamThreads = streamThreads ?? Environment.ProcessorCount,
            },
            Simulation,
            NullLogger.Instance);
        _server.Start();
        Step();
    }

    public Sim Simulation { get; }

    /// <summary>The server's full view after every tick stepped.</summary>
    public Dictionary<long, StateView> Views { get; } = [];

    public StateView Latest { get; private set; } = StateView.Empty;

    /// <summary>Runs a tick as the server host does: authors hear of commands it refused, and the view is published unless <paramref name="publish"/> is false (a network thread lagging behind).</summary>
    public StateView Step(bool publish = true)
    {
        var report = Simulation.Step();
        _server.CommandsRan(report);
        Latest = _builder.Build(Simulation, report.Tick);
        Views[Latest.Tick] = Latest;
        if (publish)
        {
            _server.PublishState(Latest);
        }
        return Latest;
    }

    /// <summary>Connects and joins, stepping until the join is answered (a player's once its camera is there) and the first state arrives.</summary>
    public async Task<TwinClient> Join(string token)
    {
        var client = await TwinClient.ConnectAsync("127.0.0.1", _server.Port, token, "stepped");
        var joining = client.JoinAsync();
        for (int i = 0; i < 100 && !joining.IsCompleted; i++)
        {
            Step();
            await Task.WhenAny(joining, Task.Delay(20));
        }
        await joining;
        for (int i = 0; i < 100 && client.Latest is null; i++)
        {
            await StepAndWait(client);
        }
        Assert.NotNull(client.Latest);
        return client;
    }

    /// <summary>
    /// Steps one tick and waits until the client has applied it (an update lost on loopback is covered
    /// by the next), then a moment more for its acknowledgement to reach the server.
    /// </summary>
    public async Task<StateView> StepAndWait(TwinClient client)
    {
        var view = Step();
        try
        {
            await client.WaitForStateAsync(view.Tick, TimeSpan.FromSeconds(2));
        }
        catch (TwinClientException)
        {
            // Lost: the next update is a delta against an older acknowledged view.
        }
        await Task.Delay(2);
        return view;
    }

    /// <summary>Steps one tick and waits until every client has applied it (or lost it), then a moment for their acknowledgements.</summary>
    public async Task<StateView> StepAndWait(IReadOnlyList<TwinClient> clients)
    {
        var view = Step();
        await Task.WhenAll(clients.Select(async client =>
        {
            try
            {
                await client.WaitForStateAsync(view.Tick, TimeSpan.FromSeconds(2));
            }
            catch (TwinClientException)
            {
                // Lost: the next update is a delta against an older acknowledged view.
            }
        }));
        await Task.Delay(2);
        return view;
    }

    public void Dispose() => _server.Dispose();
}
