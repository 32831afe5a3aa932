using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TwinWorld.Net.Frames;
using TwinWorld.Net.Sessions;
using TwinWorld.Net.State;
using TwinWorld.Net.Transport.Udp;
using TwinWorld.Net.Transport.WebSockets;
using TwinWorld.Server.Authoring;
using TwinWorld.Server.Http;
using TwinWorld.Server.Ticking;
using TwinWorld.Server.World;
using TwinWorld.Simulation;
using Sim = TwinWorld.Simulation.Simulator;

namespace TwinWorld.Server.Networking;

/// <summary>
/// Hosts the network side: starts the <see cref="NetServer"/> on its own thread, hands it a quantised
/// view after every tick, and is where generated frames come in (<see cref="PublishFrame"/>).
/// </summary>
internal sealed class NetworkService(Sim simulation, HostedWorld world, IForecaster forecaster, IOptions<NetworkOptions> options, IOptions<HttpOptions> http, ILogger<NetServer> logger, IHostApplicationLifetime lifetime,
    IMeterFactory meterFactory)
    : IHostedService, ITickListener, IDisposable
{
    private readonly StateViewBuilder _views = new();
    private readonly WebSocketTransport _webSockets = new(meterFactory);
    private volatile NetServer? _server;

    /// <summary>The UDP port clients connect to, once started (0 while networking is off).</summary>
    public int Port => _server?.Port ?? 0;

    /// <summary>Where the web viewer's sockets are served (/ws), while networking runs; null otherwise.</summary>
    public WebSocketTransport? WebSockets => _server is null ? null : _webSockets;

    /// <summary>How many clients watch a camera (by its entity id) now.</summary>
    public int ViewersOf(int cameraId) => _server?.Viewers.GetValueOrDefault(cameraId) ?? 0;

    /// <summary>Why clients cannot connect now, though the server runs: every slot taken, or a connection flood; null when they can.</summary>
    public string? Busy => _server switch
    {
        { Full: true } => "full: every client slot is taken",
        { Flooded: true } => "under a connection flood: connection requests are being refused",
        _ => null,
    };

    /// <summary>Connections refused and timed out so far, by why (all zero while networking is off).</summary>
    public ConnectionCounts Connections => _server?.Connections ?? new ConnectionCounts();

    /// <summary>Whether networking is configured on at all.</summary>
    public bool Enabled => options.Value.Enabled;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Networking is off (Network:Enabled=false)");
            return Task.CompletedTask;
        }
        var server = new NetServer(
            new NetServerOptions
            {
                BindAddress = IPAddress.Parse(settings.BindAddress),
                BindAddressV6 = settings.ListenV6(),
                Port = settings.Port,
                MaxClients = settings.MaxClients,
                MaxWaitingForHello = settings.MaxWaitingForHello,
                HelloTimeout = TimeSpan.FromSeconds(settings.HelloTimeoutSeconds),
                PeerTimeout = TimeSpan.FromSeconds(settings.PeerTimeoutSeconds),
                ConnectionRequestsPerSecond = settings.ConnectionRequestsPerSecond,
                ConnectionRequestBurst = settings.ConnectionRequestsPerSecond * 4,
                Tokens = settings.Tokens.ToDictionary(t => t.Key, t => NetworkOptionsValidator.ParseRole(t.Value)!.Value),
                MessagesPerSecond = settings.MessagesPerSecond,
                MessageBurst = settings.MessagesPerSecond * 2,
                CommandsPerSecond = settings.CommandsPerSecond,
                CommandBurst = settings.CommandBurst,
                MaxSubscriptions = settings.MaxSubscriptions,
                MaxStrikes = settings.MaxStrikes,
                Interest = settings.Interest,
                StreamThreads = settings.StreamThreads,
            },
            simulation,
            logger,
            forecaster,
            meterFactory,
            world.Run is { } run ? new ScenarioAuthorActions(run) : null);
        try
        {
            server.Start(_webSockets);
        }
        catch (IOException e)
        {
            logger.LogCritical("Cannot start networking: {Message}", e.Message);
            server.Dispose();
            _webSockets.Dispose();
            Environment.ExitCode = 1;
            lifetime.StopApplication();
            return Task.CompletedTask;
        }
        _server = server;
        if (DevTokenExposure.Warning(settings, http.Value) is { } warning)
        {
            logger.LogWarning("{Warning}", warning);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public TickStage Stage => TickStage.Stream;

    /// <summary>Tick thread: tells authors of commands the tick refused, and quantises the world for the state stream while someone is connected.</summary>
    public void AfterTick(Sim simulation, TickReport report)
    {
        if (_server is not { } server)
        {
            return;
        }
        server.CommandsRan(report);
        if (server.Clients > 0)
        {
            server.PublishState(_views.Build(simulation, report.Tick));
        }
    }

    /// <summary>Any thread: a camera's newest encoded frame for its subscribers (the newest wins; nothing queues).</summary>
    public void PublishFrame(CameraFrame frame) => _server?.PublishFrame(frame);

    public void Dispose()
    {
        var server = _server;
        _server = null;
        server?.Dispose();
    }
}
