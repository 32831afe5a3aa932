using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using TwinWorld.Net.Frames;
using TwinWorld.Net.Interest;
using TwinWorld.Net.State;
using TwinWorld.Net.Transport;
using TwinWorld.Net.Transport.Udp;
using TwinWorld.Protocol;
using TwinWorld.Protocol.Bits;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.Tiles;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Simulation.Inputs;
using Sim = TwinWorld.Simulation.Simulator;

namespace TwinWorld.Net.Sessions;

/// <summary>
/// The server's network side. Its own thread owns the UDP transport and every session: it takes
/// connections through the handshake (version, token to role) and join, closing those that wait too
/// long for their Hello or crowd the budget of not-yet-joined ones (<see cref="ConnectionGate"/>),
/// queues what clients may do as tick-stamped simulation inputs, and streams each joined client a state
/// delta per tick and the newest frames of the cameras it subscribed to. The tick thread hands it views
/// through a bounded channel (<see cref="PublishState"/>) and never waits on it; anything a client sends is checked, and what is
/// refused gets an error code and a strike, never an exception.
/// </summary>
public sealed class NetServer : IDisposable, ISessionAnswers
{
    /// <summary>How long a player's Joined waits for its camera to show before it is sent without one.</summary>
    private const double JoinWaitSeconds = 2;

    private readonly NetServerOptions _options;
    private readonly Sim _simulation;
    private readonly ILogger _logger;
    private readonly AuthorDesk _authors;
    private readonly PlayerDesk _players;
    private readonly TickRefusals _refusals;
    private readonly AnalystDesk _analysts;

    /// <summary>Replies produced on other threads (forecasts, refusals at the tick), sent by the network thread to the client if it is still there.</summary>
    private readonly ConcurrentQueue<(ulong ClientId, Envelope Reply)> _outbox = new();

    /// <summary>
    /// Who sent the author commands queued and not yet run, in the order queued, by the command with its tick
    /// cleared (a command that comes late is run as a copy re-stamped to the tick). Network thread adds, tick
    /// thread takes; under its own lock.
    /// </summary>
    private readonly Channel<StateView> _views = Channel.CreateBounded<StateView>(
        new BoundedChannelOptions(8) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true });
    private readonly LatestFrames _frames = new();
    private volatile IReadOnlyDictionary<int, int> _viewers = new Dictionary<int, int>();
    private readonly Dictionary<PeerId, Session> _sessions = [];
    private readonly ViewHistory _history = new();

    /// <summary>For the shared updates when interest is off; interest-managed ones use their worker's.</summary>
    private readonly BitWriter _writer = new(64 * 1024);
    private readonly Dictionary<long, StateUpdate> _updates = [];
    private readonly ViewIndex _index;
    private readonly StreamWorkers _workers;

    /// <summary>The clients a tick's state goes to, in the order sent, and their messages built on the workers.</summary>
    private readonly List<Session> _joined = [];
    private byte[]?[] _messages = [];
    private readonly StreamStatistics _statistics = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly NetMetrics _metrics;
    private readonly ConnectionCounts _counts = new();
    private readonly ConnectionGate _gate;
    private readonly FloodWatch _flood;
    private INetTransport? _transport;
    private Thread? _thread;
    private ulong _nextClientId;
    private SpawnPoints? _spawns;
    private long _framesSeen;
    private bool _framesHeldBack;

    /// <summary>Frames as sent, by their serial, while they are the newest: encoded once for every subscriber and every retry.</summary>
    private readonly Dictionary<long, byte[]> _encodedFrames = [];
    private int _clients;
    private int _welcomed;

    /// <summary>How long shutting down waits for clients to take the notice and disconnect.</summary>
    private static readonly TimeSpan ShutdownDrain = TimeSpan.FromSeconds(1);

    /// <param name="forecaster">Answers analysts' forecast requests; without one they get <see cref="ErrorCode.NotAvailable"/>.</param>
    /// <param name="meterFactory">The host's meter factory for the "TwinWorld.Net" instruments; without one the server owns its meter.</param>
    /// <param name="actions">Reads authors' actions written as in a scenario; without it they get <see cref="ErrorCode.NotAvailable"/>.</param>
    public NetServer(NetServerOptions options, Sim simulation, ILogger logger, IForecaster? forecaster = null, IMeterFactory? meterFactory = null,
        IAuthorActions? actions = null)
    {
        _metrics = new NetMetrics(meterFactory, () => Clients, () => _frames.Dropped, _counts);
        _gate = new ConnectionGate(options.MaxWaitingForHello, options.HelloTimeout, _counts);
        _flood = new FloodWatch(options.FloodThreshold);
        _options = options;
        _simulation = simulation;
        _logger = logger;
        _authors = new AuthorDesk(this, simulation.Inputs, simulation.TickRateHz, actions, options.CommandsPerSecond, logger);
        _players = new PlayerDesk(this, simulation.Inputs, simulation.TickRateHz);
        _refusals = new TickRefusals(this);
        _analysts = new AnalystDesk(this, _history, forecaster, logger);
        var terrain = simulation.Site.Terrain;
        _index = new ViewIndex(terrain.CellSize, (terrain.WidthMetres, terrain.HeightMetres));
        _workers = new StreamWorkers(options.StreamThreads);
    }

    /// <summary>The UDP port listened on, once started.</summary>
    public int Port { get; private set; }

    /// <summary>Clients subscribed to each camera (by camera id), as of the last change; any thread may read it.</summary>
    public IReadOnlyDictionary<int, int> Viewers => _viewers;

    /// <summary>Connections with a session now (any phase).</summary>
    public int Clients => Volatile.Read(ref _clients);

    /// <summary>Whether every client slot is taken (by clients that said Hello); any thread may read it.</summary>
    public bool Full => Volatile.Read(ref _welcomed) >= _options.MaxClients;

    /// <summary>Whether connections are being refused as a flood (<see cref="NetServerOptions.FloodThreshold"/>); any thread may read it.</summary>
    public bool Flooded => _flood.Flooded;

    /// <summary>Connections refused and timed out so far, by why; any thread may read them.</summary>
    public ConnectionCounts Connections => _counts;

    /// <summary>
    /// Binds the port and starts the network thread; throws <see cref="IOException"/> if the port cannot be had.
    /// Clients of the transports <paramref name="alongside"/> UDP (WebSockets) are served the same way; the server disposes them.
    /// </summary>
    public void Start(params IReadOnlyList<INetTransport> alongside)
    {
        var transport = UdpTransport.Listen(_options.BindAddress, _options.BindAddressV6, _options.Port, new UdpOptions
        {
            DisconnectTimeout = _options.PeerTimeout,
            RequestsPerSecondPerAddress = _options.ConnectionRequestsPerSecond,
            RequestBurstPerAddress = _options.ConnectionRequestBurst,
            // Clients send small State messages (acks, inputs): room for one over the limit to arrive and be refused with TooLarge.
            MaxMessageBytes = Math.Max(64 * 1024, 4 * _options.MaxMessageBytes),
        }, _counts);
        Port = transport.BoundPort;
        _transport = alongside.Count == 0 ? transport : new TransportSet([transport, .. alongside]);
        _thread = new Thread(Run) { Name = "network", IsBackground = true };
        _thread.Start();
        _logger.LogInformation("Listening on UDP {Address}:{Port}{V6} (LiteNetLib {Version}), up to {Max} clients", _options.BindAddress, Port,
            _options.BindAddressV6 is { } v6 ? $" and [{v6}]:{Port}" : "", UdpTransport.LibraryVersion, _options.MaxClients);
    }

    /// <summary>Tick thread: the view after a tick. Never blocks; if the network thread lags, the oldest views are dropped.</summary>
    public void PublishState(StateView view) => _views.Writer.TryWrite(view);

    /// <summary>Tick thread, after every tick: whoever sent an input the world refused there gets <see cref="ErrorCode.CommandRejected"/> with the reason.</summary>
    public void CommandsRan(TickReport report) => _refusals.Ran(report);

    /// <summary>
    /// Any thread: a camera's newest encoded frame, sent once to each client subscribed to that camera.
    /// A newer frame replaces one not yet sent; frames are never queued.
    /// </summary>
    public void PublishFrame(CameraFrame frame) => _frames.Put(frame);

    public void Dispose()
    {
        _stopping.Cancel();
        _thread?.Join();
        _transport?.Dispose();
        _workers.Dispose();
        _metrics.Dispose();
        _stopping.Dispose();
    }

    private long NextTick => (_history.Latest?.Tick ?? -1) + 1;

    private void Run()
    {
        var transport = _transport!;
        while (!_stopping.IsCancellationRequested)
        {
            // Wait a millisecond for traffic, then take whatever else is there without waiting.
            int handled = 0;
            for (int wait = 1; handled < 4096 && transport.TryService(wait, out var e); wait = 0, handled++)
            {
                Handle(e);
            }
            StateView? newest = null;
            while (_views.Reader.TryRead(out var view))
            {
                _history.Add(view);
                newest = view;
            }
            if (newest is not null)
            {
                Stream(newest);
            }
            SendFrames();
            SendReplies();
            CloseSilent();
            transport.Flush();
        }
        ShutDown(transport);
    }

    /// <summary>
    /// Tells every client the server is stopping (<see cref="ErrorCode.ShuttingDown"/>) and disconnects it once
    /// that is delivered, waiting a moment for them to go; connections that come meanwhile are refused the same way.
    /// </summary>
    private void ShutDown(INetTransport transport)
    {
        foreach (var session in _sessions.Values.Where(s => !s.Closing))
        {
            Refuse(session, ErrorCode.ShuttingDown, "the server is shutting down");
        }
        transport.Flush();
        var waited = Stopwatch.StartNew();
        while (_sessions.Count > 0 && waited.Elapsed < ShutdownDrain)
        {
            if (transport.TryService(10, out var e))
            {
                Handle(e);
            }
        }
        transport.Flush();
    }

    private void Handle(TransportEvent e)
    {
        switch (e.Kind)
        {
            case TransportEventKind.Connected:
                var session = new Session(e.Peer, ++_nextClientId, new RateLimiter(_options.MessagesPerSecond, _options.MessageBurst),
                    new RateLimiter(_options.CommandsPerSecond, _options.CommandBurst));
                _sessions[e.Peer] = session;
                Volatile.Write(ref _clients, _sessions.Count);
                if (_stopping.IsCancellationRequested)
                {
                    Refuse(session, ErrorCode.ShuttingDown, "the server is shutting down");
                }
                else if (!RefusedFull(session) && _gate.Admit(session, Stopwatch.GetTimestamp()) is { } pushed)
                {
                    Refuse(pushed, ErrorCode.ServerFull, $"more than {_options.MaxWaitingForHello} connections are waiting to say Hello", LogLevel.Debug);
                }
                break;
            case TransportEventKind.Disconnected:
                if (_sessions.Remove(e.Peer, out var gone))
                {
                    gone.Gone.Cancel();
                    gone.Gone.Dispose();
                    Volatile.Write(ref _clients, _sessions.Count);
                    _gate.Leave(gone);
                    if (gone.Phase != SessionPhase.AwaitingHello)
                    {
                        Volatile.Write(ref _welcomed, _welcomed - 1);
                    }
                    CountViewers();
                    if (gone.HasAvatar)
                    {
                        _simulation.Inputs.Enqueue(PlayerPresenceInput.Leave(NextTick, (long)gone.ClientId));
                    }
                    if (gone.Phase != SessionPhase.AwaitingHello)
                    {
                        _logger.LogInformation("Client {Client} ({Name}, {Role}) left", gone.ClientId, ClientText.Escaped(gone.Name), gone.Role);
                    }
                }
                break;
            case TransportEventKind.Received:
                if (_sessions.TryGetValue(e.Peer, out var from) && !from.Closing)
                {
                    try
                    {
                        Receive(from, e.Channel, e.Data);
                    }
                    catch (Exception failure)
                    {
                        // A bug, not bad input (that is refused above): keep the server, drop the connection.
                        _logger.LogError(failure, "Handling a message from client {Client} failed; disconnecting it", from.ClientId);
                        Close(from);
                    }
                }
                break;
        }
    }

    private void Receive(Session session, NetChannel channel, byte[] data)
    {
        if (!session.Limiter.TryTake(Stopwatch.GetTimestamp()))
        {
            // Say so at most once a second; every refused message is still a strike.
            long now = Stopwatch.GetTimestamp();
            bool notify = now - session.LastRateLimitNotice > Stopwatch.Frequency;
            session.LastRateLimitNotice = notify ? now : session.LastRateLimitNotice;
            Strike(session, ErrorCode.RateLimited, $"more than {_options.MessagesPerSecond} messages a second", 0, notify);
            return;
        }
        if (data.Length > _options.MaxMessageBytes)
        {
            Strike(session, ErrorCode.TooLarge, $"a message of {data.Length} bytes is over the limit of {_options.MaxMessageBytes}");
            return;
        }
        Envelope envelope;
        try
        {
            envelope = Envelope.Parser.ParseFrom(data);
        }
        catch (InvalidProtocolBufferException e)
        {
            Strike(session, ErrorCode.Malformed, $"not a valid envelope: {e.Message}");
            return;
        }
        var body = envelope.BodyCase;
        if (body == Envelope.BodyOneofCase.None)
        {
            Strike(session, ErrorCode.Malformed, "the envelope is empty (or holds a message this server does not know)");
        }
        else if (EnvelopeRoutes.SentByServer(body))
        {
            Strike(session, ErrorCode.UnexpectedMessage, $"{body} is sent by the server, not to it");
        }
        else if (EnvelopeRoutes.ChannelOf(body) != (byte)channel)
        {
            Strike(session, ErrorCode.WrongChannel, $"{body} travels on channel {EnvelopeRoutes.ChannelOf(body)}, not {(byte)channel}");
        }
        else if (session.Phase == SessionPhase.AwaitingHello && body != Envelope.BodyOneofCase.Hello)
        {
            Strike(session, ErrorCode.HandshakeRequired, $"{body} before Hello");
        }
        else
        {
            Dispatch(session, envelope);
        }
    }

    private void Dispatch(Session session, Envelope envelope)
    {
        switch (envelope.BodyCase)
        {
            case Envelope.BodyOneofCase.Hello:
                OnHello(session, envelope.Hello);
                break;
            case Envelope.BodyOneofCase.Join:
                OnJoin(session);
                break;
            case Envelope.BodyOneofCase.Leave:
                Close(session);
                break;
            case Envelope.BodyOneofCase.Ping:
                Send(session, NetChannel.Control, new Envelope { Pong = new Pong { ClientTimeUs = envelope.Ping.ClientTimeUs, ServerTick = (ulong)Math.Max(0, NextTick - 1) } });
                break;
            case Envelope.BodyOneofCase.StateAck when Joined(session):
                long acked = (long)Math.Min(envelope.StateAck.Tick, long.MaxValue);
                // Only ticks actually sent count; a forged future tick would otherwise pin a bad baseline.
                if (acked <= session.SentTick && acked > session.AckedTick)
                {
                    session.AckedTick = acked;
                    session.Stream?.Acknowledged(acked);
                }
                break;
            case Envelope.BodyOneofCase.Input when Joined(session) && Allowed(session, 0, Role.Player, Role.Admin):
                _players.Signals(session, envelope.Input, NextTick);
                break;
            case Envelope.BodyOneofCase.View when Joined(session) && Allowed(session, 0, Role.Player, Role.Admin):
                _players.View(session, envelope.View, NextTick);
                break;
            case Envelope.BodyOneofCase.Subscribe when Joined(session):
                OnSubscribe(session, envelope.Subscribe);
                break;
            case Envelope.BodyOneofCase.HashQuery when Joined(session, envelope.HashQuery.RequestId):
                _analysts.HashQuery(session, envelope.HashQuery);
                break;
            case Envelope.BodyOneofCase.Author when Joined(session, envelope.Author.RequestId) && Allowed(session, envelope.Author.RequestId, Role.Author, Role.Admin):
                _authors.Handle(session, envelope.Author, NextTick);
                break;
            case Envelope.BodyOneofCase.Forecast when Joined(session, envelope.Forecast.RequestId) && Allowed(session, envelope.Forecast.RequestId, Role.Analyst, Role.Admin):
                _analysts.Forecast(session, envelope.Forecast);
                break;
        }
    }

    private void OnHello(Session session, Hello hello)
    {
        if (session.Phase != SessionPhase.AwaitingHello)
        {
            Strike(session, ErrorCode.AlreadyJoined, "Hello was already answered");
            return;
        }
        if (hello.ProtocolVersion != ProtocolVersion.Current)
        {
            Refuse(session, ErrorCode.VersionMismatch, $"this server speaks protocol version {ProtocolVersion.Current}, not {hello.ProtocolVersion}");
            return;
        }
        if (!_options.Tokens.TryGetValue(hello.Token, out var role))
        {
            Refuse(session, ErrorCode.BadToken, "the token grants no role on this server");
            return;
        }
        if (RefusedFull(session))
        {
            return;
        }
        _gate.Leave(session);
        Volatile.Write(ref _welcomed, _welcomed + 1);
        session.Role = role;
        session.Name = hello.ClientName.Length > 64 ? hello.ClientName[..64] : hello.ClientName;
        session.Phase = SessionPhase.Welcomed;
        var terrain = _simulation.Site.Terrain;
        Send(session, NetChannel.Control, new Envelope
        {
            Welcome = new Welcome
            {
                ProtocolVersion = ProtocolVersion.Current,
                Role = role,
                ClientId = session.ClientId,
                World = new WorldInfo
                {
                    WidthCells = (uint)terrain.Width,
                    HeightCells = (uint)terrain.Height,
                    CellSizeMetres = terrain.CellSize,
                    TickRateHz = _simulation.TickRateHz,
                    CurrentTick = (ulong)Math.Max(0, NextTick - 1),
                    Seed = _simulation.Options.Seed,
                    PositionUnitsPerMetre = Quantisation.PositionUnitsPerMetre,
                    HeadingSteps = Quantisation.HeadingSteps,
                    HazardTileSize = GridTile.Size,
                    WaterDepthUnitsPerMetre = Quantisation.WaterDepthUnitsPerMetre,
                    InterestRadiusMetres = (float)_options.Interest.RadiusMetres,
                },
            },
        });
        _logger.LogInformation("Client {Client} ({Name}) welcomed as {Role}", session.ClientId, ClientText.Escaped(session.Name), role);
    }

    private void OnJoin(Session session)
    {
        if (session.Phase == SessionPhase.Joined)
        {
            Strike(session, ErrorCode.AlreadyJoined, "already joined");
            return;
        }
        session.Phase = SessionPhase.Joined;
        session.AckedTick = -1;
        session.Stream = _options.Interest.IsUnlimited ? null : new ClientStream(_options.Interest);
        if (session.Role != Role.Player)
        {
            session.Joined = new Joined { Tick = (ulong)NextTick };
            SendJoined(session, 0);
            return;
        }
        // A player's avatar and camera are placed with the next view (which shows where the cameras are),
        // and Joined waits until its camera is in a view, so it can name it.
        session.HasAvatar = true;
        session.Joined = new Joined { HasAvatar = true };
    }

    /// <summary>
    /// Network thread, with a view: spawns a joining player's avatar in the open, away from the cameras' markers,
    /// and its own camera, at the next tick.
    /// </summary>
    private void Spawn(Session session, StateView view)
    {
        _spawns ??= new SpawnPoints(_simulation.Site.Terrain);
        long client = (long)session.ClientId;
        string name = session.Name.Length > 0 ? $"{session.Name}'s view" : $"player {session.ClientId}'s view";
        _simulation.Inputs.Enqueue(PlayerPresenceInput.Avatar(NextTick, client, _spawns.Next(view.Cameras)));
        _simulation.Inputs.Enqueue(PlayerPresenceInput.Camera(NextTick, client, name));
        session.Joined!.Tick = (ulong)NextTick;
    }

    /// <summary>Answers a join: for a player once its own camera shows in a view (0 if it never came), before any state.</summary>
    private void SendJoined(Session session, uint cameraId)
    {
        session.Joined!.CameraId = cameraId;
        Send(session, NetChannel.Control, new Envelope { Joined = session.Joined });
        session.Joined = null;
    }

    /// <summary>Sends a player's Joined once its own camera is in a view, or without one when none came in time.</summary>
    private void AnswerJoin(Session session, StateView view)
    {
        foreach (var camera in view.Cameras)
        {
            if (camera.OwnerClientId == session.ClientId && camera.Mode is Protocol.V1.CameraMode.ThirdPersonFollow or Protocol.V1.CameraMode.FirstPerson)
            {
                SendJoined(session, camera.CameraId);
                return;
            }
        }
        if (view.Tick > (long)session.Joined!.Tick + (long)(JoinWaitSeconds * _simulation.TickRateHz))
        {
            _logger.LogWarning("Client {Client} ({Name}) joined without a camera of its own: none appeared by tick {Tick}", session.ClientId, ClientText.Escaped(session.Name), view.Tick);
            SendJoined(session, 0);
        }
    }

    private void OnSubscribe(Session session, CameraSubscribe subscribe)
    {
        if (subscribe.CameraIds.Distinct().Count() > _options.MaxSubscriptions)
        {
            Strike(session, ErrorCode.InvalidArgument, $"at most {_options.MaxSubscriptions} cameras at once");
            return;
        }
        var known = _history.Latest?.Cameras.Select(c => c.CameraId).ToHashSet() ?? [];
        var unknown = subscribe.CameraIds.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            Strike(session, ErrorCode.NoSuchEntity, $"there is no camera {string.Join(", ", unknown)}");
            return;
        }
        var before = new Dictionary<int, long>(session.Cameras);
        session.Cameras.Clear();
        foreach (uint id in subscribe.CameraIds.Distinct())
        {
            session.Cameras[(int)id] = before.GetValueOrDefault((int)id);
        }
        CountViewers();
    }

    /// <summary>Network thread, after subscriptions change: a fresh count for the generator, which puts watched cameras first.</summary>
    private void CountViewers()
    {
        _viewers = _sessions.Values.SelectMany(s => s.Cameras.Keys).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        _frames.Watch(_viewers.Keys);
    }

    private void SendReplies()
    {
        while (_outbox.TryDequeue(out var item))
        {
            var session = _sessions.Values.FirstOrDefault(s => s.ClientId == item.ClientId && !s.Closing);
            if (session is not null)
            {
                Send(session, NetChannel.Control, item.Reply);
            }
        }
    }

    /// <summary>Whether the session has joined; if not, a strike that names the request, so the client can answer its caller.</summary>
    private bool Joined(Session session, uint requestId = 0)
    {
        if (session.Phase == SessionPhase.Joined)
        {
            return true;
        }
        Strike(session, ErrorCode.NotJoined, "join the world first", requestId);
        return false;
    }

    private bool Allowed(Session session, uint requestId, params Role[] roles)
    {
        if (roles.Contains(session.Role))
        {
            return true;
        }
        Strike(session, ErrorCode.Forbidden, $"a {session.Role} may not do this", requestId);
        return false;
    }

    /// <summary>
    /// One state update per joined client against its acknowledged baseline: its own interest-managed
    /// view, built for all clients at once on the stream workers over the tick's shared index, or (interest
    /// off) the whole view, whose encoding clients on the same baseline share. Sent in turn from this thread.
    /// </summary>
    private void Stream(StateView view)
    {
        long began = Stopwatch.GetTimestamp();
        _joined.Clear();
        bool interest = false;
        foreach (var session in _sessions.Values)
        {
            if (session.Joined is { Tick: 0 } && !session.Closing)
            {
                Spawn(session, view); // a view has arrived, so the next tick is at least 1
            }
            else if (session.Joined is not null && !session.Closing)
            {
                AnswerJoin(session, view);
            }
            if (session.Phase == SessionPhase.Joined && session.Joined is null && !session.Closing)
            {
                _joined.Add(session);
                interest |= session.Stream is not null;
            }
        }
        if (_messages.Length < _joined.Count)
        {
            _messages = new byte[]?[_joined.Count * 2];
        }
        if (interest)
        {
            _index.Rebuild(view);
            _workers.For(_joined.Count, (i, scratch) =>
            {
                var session = _joined[i];
                _messages[i] = session.Stream?.Next(_index, FocusOf(session, view, scratch.Focus), session.AckedTick, scratch) is { } update
                    ? Message(session, update)
                    : null;
            });
        }
        _updates.Clear();
        long bytes = 0;
        for (int i = 0; i < _joined.Count; i++)
        {
            var session = _joined[i];
            byte[] message = _messages[i] ?? Message(session, SharedUpdate(session, view));
            _messages[i] = null;
            Transmit(session, NetChannel.State, message);
            session.SentTick = view.Tick;
            bytes += message.Length;
        }
        int sent = _joined.Count;
        _statistics.Record(Stopwatch.GetTimestamp() - began, sent, bytes);
        if (sent > 0 && _statistics.TakeReport() is var (msPerTick, usPerUpdate, kbPerSecond, updatesPerSecond))
        {
            _logger.LogInformation("State stream: {Clients} joined, {Rate:F0} updates/s, {Ms:F3} ms per tick on the network thread ({Us:F1} µs per update), {KBs:F1} KB/s sent ({PerClient:F2} KB/s per client)",
                sent, updatesPerSecond, msPerTick, usPerUpdate, kbPerSecond, kbPerSecond / sent);
        }
    }

    /// <summary>Interest off: the whole view against the client's baseline, encoded once per baseline and shared.</summary>
    private StateUpdate SharedUpdate(Session session, StateView view)
    {
        var baseline = session.AckedTick >= 0 ? _history.Find(session.AckedTick) : null;
        long key = baseline?.Tick ?? -1;
        if (!_updates.TryGetValue(key, out var update))
        {
            update = StateUpdates.Encode(baseline, view, _writer);
            _updates[key] = update;
        }
        return update;
    }

    /// <summary>The envelope as sent: the update with the client's input acknowledgement.</summary>
    private static byte[] Message(Session session, StateUpdate update)
    {
        update.InputAck = session.InputSequence;
        return new Envelope { State = update }.ToByteArray();
    }

    /// <summary>Where a client looks: its avatar (once spawned) and the cameras it subscribed to.</summary>
    private Focus FocusOf(Session session, StateView view, Focus focus)
    {
        focus.Reset(session.HasAvatar || session.Cameras.Count > 0);
        if (session.HasAvatar && _index.AvatarOf(session.ClientId) is >= 0 and var avatar)
        {
            focus.Add(view.Agents[avatar].X, view.Agents[avatar].Y);
        }
        foreach (var camera in view.Cameras)
        {
            if (session.Cameras.ContainsKey((int)camera.CameraId))
            {
                focus.Add(camera.X, camera.Y);
            }
        }
        return focus;
    }

    /// <summary>
    /// Each subscriber gets the newest frame of each camera it watches. The transport refuses a frame while a
    /// client's last one is still queued; that camera is then offered again on the next pass, with whatever
    /// is newest by then.
    /// </summary>
    private void SendFrames()
    {
        long serial = _frames.Serial;
        if (serial == _framesSeen && !_framesHeldBack)
        {
            return;
        }
        if (serial != _framesSeen)
        {
            _encodedFrames.Clear();
        }
        _framesSeen = serial;
        _framesHeldBack = false;
        var encoded = _encodedFrames;
        foreach (var session in _sessions.Values)
        {
            if (session.Phase != SessionPhase.Joined || session.Closing)
            {
                continue;
            }
            foreach (var (camera, sent) in session.Cameras.ToList())
            {
                if (!_frames.TryGetNewer(camera, sent, out var frame, out long frameSerial))
                {
                    continue;
                }
                if (!encoded.TryGetValue(frameSerial, out var bytes))
                {
                    bytes = new Envelope
                    {
                        Frame = new Frame
                        {
                            CameraId = (uint)frame.CameraId, Tick = (ulong)frame.Tick, Width = (uint)frame.Width, Height = (uint)frame.Height,
                            Jpeg = ByteString.CopyFrom(frame.Jpeg.Span), Source = frame.Source,
                        },
                    }.ToByteArray();
                    encoded[frameSerial] = bytes;
                }
                if (!Transmit(session, NetChannel.Frames, bytes))
                {
                    _framesHeldBack = true;
                    continue;
                }
                _metrics.FrameSent();
                session.Cameras[camera] = frameSerial;
            }
        }
    }

    private void Send(Session session, NetChannel channel, Envelope envelope) => Transmit(session, channel, envelope.ToByteArray());

    private bool Transmit(Session session, NetChannel channel, byte[] message)
    {
        if (!_transport!.Send(session.Peer, channel, message))
        {
            return false;
        }
        _metrics.Sent(session.Role, channel, message.Length);
        return true;
    }

    private void SendError(Session session, ErrorCode code, string message, uint requestId = 0)
        => Send(session, NetChannel.Control, new Envelope { Error = new Error { Code = code, Message = message, RequestId = requestId } });

    void ISessionAnswers.Reply(Session session, Envelope reply) => Send(session, NetChannel.Control, reply);

    void ISessionAnswers.Error(Session session, ErrorCode code, string message, uint requestId) => SendError(session, code, message, requestId);

    void ISessionAnswers.Strike(Session session, ErrorCode code, string message, uint requestId) => Strike(session, code, message, requestId);

    void ISessionAnswers.Post(ulong clientId, Envelope reply) => _outbox.Enqueue((clientId, reply));

    /// <summary>Refuses a message and counts it against the connection, which is closed after too many.</summary>
    private void Strike(Session session, ErrorCode code, string message, uint requestId = 0, bool notify = true)
    {
        if (notify)
        {
            SendError(session, code, message, requestId);
        }
        if (++session.Strikes > _options.MaxStrikes)
        {
            _logger.LogWarning("Client {Client} ({Name}) disconnected after {Strikes} refused messages; the last: {Code} {Message}",
                session.ClientId, ClientText.Escaped(session.Name), session.Strikes, code, ClientText.Escaped(message));
            Close(session);
        }
    }

    /// <summary>
    /// Refuses a connection outright: the error, then a disconnect once it is sent. Refusals that come in
    /// floods (pushed out, timed out) log at Debug: the metrics count them.
    /// </summary>
    private void Refuse(Session session, ErrorCode code, string message, LogLevel level = LogLevel.Information)
    {
        SendError(session, code, message);
        _logger.Log(level, "Client {Client} refused: {Code} {Message}", session.ClientId, code, ClientText.Escaped(message));
        Close(session);
    }

    /// <summary>Refuses the connection if every client slot is taken: checked when it connects, and again at its Hello.</summary>
    private bool RefusedFull(Session session)
    {
        if (!Full)
        {
            return false;
        }
        _counts.AddServerFull();
        Refuse(session, ErrorCode.ServerFull, $"the server has its {_options.MaxClients} clients");
        return true;
    }

    /// <summary>Closes the connections that have waited past the Hello time limit, and samples the flood watch.</summary>
    private void CloseSilent()
    {
        long now = Stopwatch.GetTimestamp();
        while (_gate.TakeExpired(now) is { } silent)
        {
            Refuse(silent, ErrorCode.HandshakeRequired, $"no Hello within {_options.HelloTimeout.TotalSeconds:0.#} s", LogLevel.Debug);
        }
        _flood.Sample(now, _counts.FloodRefusals);
    }

    private void Close(Session session)
    {
        session.Closing = true;
        _transport!.Disconnect(session.Peer);
    }
}
