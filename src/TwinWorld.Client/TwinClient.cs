using System.Collections.Concurrent;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Google.Protobuf;
using TwinWorld.Net.Transport;
using TwinWorld.Net.Transport.Udp;
using TwinWorld.Protocol;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.V1;
using TwinWorld.Protocol.Wire;

namespace TwinWorld.Client;

/// <summary>
/// A connection to a TwinWorld server. Its own thread owns the UDP transport (LiteNetLib): it applies state updates to a
/// <see cref="StateMirror"/> and acknowledges them, resends unacknowledged player signals, and raises
/// <see cref="StateApplied"/> and <see cref="FrameReceived"/> (on that thread: keep handlers short).
/// Every other member is safe to call from any thread.
/// </summary>
public sealed class TwinClient : IDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly UdpTransport _transport;
    private readonly ConcurrentQueue<(NetChannel Channel, byte[] Data)> _outbox = new();
    private readonly ConcurrentDictionary<uint, TaskCompletionSource<Envelope>> _requests = new();
    private readonly ConcurrentDictionary<uint, Channel<Envelope>> _streams = new();
    private readonly ConcurrentQueue<Error> _errors = new();
    private readonly Lock _gate = new();
    private readonly StateMirror _mirror = new();
    private readonly List<PlayerSignal> _unacked = [];
    private readonly TaskCompletionSource<PeerId> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Welcome> _welcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Joined> _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread _thread;
    private PeerId _server;
    private uint _nextRequest;
    private uint _nextSignal;
    private long _bytesReceived, _bytesSent, _updatesApplied, _framesReceived;
    private double _roundTripMs = double.NaN;
    private volatile bool _disconnected;
    private bool _shuttingDown;
    private volatile bool _helloSent;

    private TwinClient(string host, int port)
    {
        _transport = UdpTransport.Connect(host, port);
        _thread = new Thread(Run) { Name = "twin-client", IsBackground = true };
        _thread.Start();
    }

    /// <summary>Raised on the client thread after each state update is applied, with the new view.</summary>
    public event Action<StateView>? StateApplied;

    /// <summary>Raised on the client thread for each state update as it arrives (before it is applied), with its size on the wire in bytes.</summary>
    public event Action<StateUpdate, int>? UpdateReceived;

    /// <summary>Raised on the client thread for each frame of a subscribed camera.</summary>
    public event Action<Frame>? FrameReceived;

    public Welcome Welcome => _welcome.Task.IsCompletedSuccessfully ? _welcome.Task.Result : throw new InvalidOperationException("Not welcomed yet.");

    public ulong ClientId => Welcome.ClientId;

    /// <summary>The newest mirrored view, or null before the first snapshot.</summary>
    public StateView? Latest
    {
        get
        {
            lock (_gate)
            {
                return _mirror.Latest;
            }
        }
    }

    /// <summary>Errors the server sent that answered no request of ours, oldest first.</summary>
    public IReadOnlyList<Error> Errors => [.. _errors];

    public bool IsConnected => _connected.Task.IsCompletedSuccessfully && !_disconnected;

    /// <summary>True once the server said it is shutting down (<see cref="ErrorCode.ShuttingDown"/>); it disconnects right after.</summary>
    public bool ServerShuttingDown => Volatile.Read(ref _shuttingDown);

    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public long StateUpdatesApplied => Interlocked.Read(ref _updatesApplied);

    public long FramesReceived => Interlocked.Read(ref _framesReceived);

    /// <summary>The last measured round trip (<see cref="PingAsync"/>), in milliseconds.</summary>
    public double RoundTripMs => Volatile.Read(ref _roundTripMs);

    /// <summary>Connects and completes the handshake; throws <see cref="TwinClientException"/> if the server refuses.</summary>
    public static async Task<TwinClient> ConnectAsync(string host, int port, string token, string name = "client", TimeSpan? timeout = null)
    {
        var client = new TwinClient(host, port);
        try
        {
            await client.HandshakeAsync(token, name, timeout ?? DefaultTimeout);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Connects without a handshake: for tests of what the server does with bad clients.</summary>
    public static async Task<TwinClient> ConnectRawAsync(string host, int port, TimeSpan? timeout = null)
    {
        var client = new TwinClient(host, port);
        await Wait(client._connected.Task, timeout ?? DefaultTimeout, "connecting");
        return client;
    }

    /// <summary>Sends Hello and waits for Welcome.</summary>
    public async Task<Welcome> HandshakeAsync(string token, string name, TimeSpan? timeout = null, uint version = ProtocolVersion.Current)
    {
        var limit = timeout ?? DefaultTimeout;
        await Wait(_connected.Task, limit, "connecting");
        _helloSent = true;
        Send(NetChannel.Control, new Envelope { Hello = new Hello { ProtocolVersion = version, Token = token, ClientName = name } });
        return await Wait(_welcome.Task, limit, "the handshake");
    }

    /// <summary>Joins the world; the full snapshot follows.</summary>
    public async Task<Joined> JoinAsync(TimeSpan? timeout = null)
    {
        Send(NetChannel.Control, new Envelope { Join = new JoinRequest() });
        return await Wait(_joined.Task, timeout ?? DefaultTimeout, "joining");
    }

    /// <summary>Waits until the mirror holds a view of <paramref name="tick"/> or later.</summary>
    public async Task<StateView> WaitForStateAsync(long tick = 0, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (clock.Elapsed < limit)
        {
            if (Latest is { } view && view.Tick >= tick)
            {
                return view;
            }
            await Task.Delay(5);
        }
        throw new TwinClientException(ErrorCode.Unspecified, $"no state of tick {tick} or later within {limit.TotalSeconds} s");
    }

    /// <summary>A view the mirror still holds.</summary>
    public StateView? FindView(long tick)
    {
        lock (_gate)
        {
            return _mirror.Find(tick);
        }
    }

    /// <summary>The two held views around a render time in ticks, for interpolation (see <see cref="StateMirror.TryBracket"/>).</summary>
    public bool TryBracket(double renderTick, out StateView from, out StateView to, out double fraction)
    {
        lock (_gate)
        {
            return _mirror.TryBracket(renderTick, out from, out to, out fraction);
        }
    }

    /// <summary>
    /// Steers this player's avatar, walking or running (zero stops it), from a few ticks after the newest
    /// state, far enough ahead to arrive in time. Repeated with every state update until the server
    /// acknowledges it. A signal holds for a second: to keep going, steer again every 250 ms.
    /// </summary>
    public void Steer(Vector2 direction, int leadTicks = 2, bool run = false)
    {
        lock (_gate)
        {
            long tick = (_mirror.Latest?.Tick ?? (long)Welcome.World.CurrentTick) + 1 + leadTicks;
            _unacked.Add(new PlayerSignal { Sequence = ++_nextSignal, Tick = (ulong)tick, DirectionX = direction.X, DirectionY = direction.Y, Run = run });
            SendSignals();
        }
    }

    /// <summary>Switches this player's own camera (third-person follow or first person) and turns it, relative to the avatar's heading, in heading steps.</summary>
    public void View(CameraMode mode, uint yaw = 0, int pitch = 0)
        => Send(NetChannel.Control, new Envelope { View = new PlayerView { Mode = mode, Yaw = yaw, Pitch = pitch } });

    public void Subscribe(params uint[] cameraIds)
        => Send(NetChannel.Control, new Envelope { Subscribe = new CameraSubscribe { CameraIds = { cameraIds } } });

    /// <summary>Queues an author command; the result names the tick it applies at.</summary>
    public async Task<CommandResult> SendCommandAsync(AuthorCommand command, TimeSpan? timeout = null)
    {
        command.RequestId = NextRequest();
        var reply = await Request(command.RequestId, new Envelope { Author = command }, timeout);
        return reply.CommandResult;
    }

    /// <summary>The server's hashes of a recent tick (0: the newest).</summary>
    public async Task<StateHashReply> QueryStateHashAsync(long tick = 0, TimeSpan? timeout = null)
    {
        uint id = NextRequest();
        var reply = await Request(id, new Envelope { HashQuery = new StateHashQuery { RequestId = id, Tick = (ulong)tick } }, timeout);
        return reply.HashReply;
    }

    /// <summary>
    /// Asks the server (as an analyst) to run its live world ahead, with extra actions written as in a scenario
    /// ("wind: {speed: 12, from: 270}"), and yields the outcome as it streams back: every
    /// <paramref name="everySeconds"/> (0: the server's choice) and at the end. A refusal throws
    /// <see cref="TwinClientException"/>; so does a gap of more than <paramref name="timeout"/> between samples.
    /// </summary>
    public async IAsyncEnumerable<ForecastSample> ForecastAsync(float aheadSeconds, float everySeconds = 0, IEnumerable<string>? actions = null,
        TimeSpan? timeout = null, [EnumeratorCancellation] CancellationToken cancel = default)
    {
        uint id = NextRequest();
        var replies = Channel.CreateUnbounded<Envelope>(new UnboundedChannelOptions { SingleReader = true });
        _streams[id] = replies;
        try
        {
            var request = new ForecastRequest { RequestId = id, AheadSeconds = aheadSeconds, EverySeconds = everySeconds };
            request.Actions.AddRange(actions ?? []);
            Send(NetChannel.Control, new Envelope { Forecast = request });
            while (true)
            {
                var reply = await Wait(replies.Reader.ReadAsync(cancel).AsTask(), timeout ?? DefaultTimeout, $"forecast {id}");
                if (reply.Error is { } error)
                {
                    throw new TwinClientException(error.Code, $"{error.Code}: {error.Message}");
                }
                foreach (var sample in reply.ForecastResult.Samples)
                {
                    yield return sample;
                }
                if (reply.ForecastResult.Last)
                {
                    yield break;
                }
            }
        }
        finally
        {
            _streams.TryRemove(id, out _);
        }
    }

    /// <summary>Measures the round trip to the server, in milliseconds.</summary>
    public async Task<double> PingAsync(TimeSpan? timeout = null)
    {
        ulong sent = NowMicroseconds();
        var pong = new TaskCompletionSource<Envelope>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests[0] = pong;
        Send(NetChannel.Control, new Envelope { Ping = new Ping { ClientTimeUs = sent } });
        await Wait(pong.Task, timeout ?? DefaultTimeout, "a ping");
        return RoundTripMs;
    }

    public void Leave() => Send(NetChannel.Control, new Envelope { Leave = new Leave() });

    /// <summary>Sends bytes as they are, on a channel: for tests and fuzzing of the server's defences.</summary>
    public void SendRaw(NetChannel channel, byte[] data) => _outbox.Enqueue((channel, data));

    public void Send(NetChannel channel, Envelope envelope) => SendRaw(channel, envelope.ToByteArray());

    public void Dispose()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
            _thread.Join();
            _transport.Dispose();
            _stopping.Dispose();
        }
    }

    /// <summary>What the server said when refusing the connection request (such as the key it expects), as text.</summary>
    private static string ClientRefusal(byte[] reason) => System.Text.Encoding.UTF8.GetString(reason.AsSpan(0, Math.Min(reason.Length, 200)));

    private static ulong NowMicroseconds() => (ulong)(Stopwatch.GetTimestamp() * (1e6 / Stopwatch.Frequency));

    private uint NextRequest() => Interlocked.Increment(ref _nextRequest);

    private async Task<Envelope> Request(uint id, Envelope request, TimeSpan? timeout)
    {
        var reply = new TaskCompletionSource<Envelope>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests[id] = reply;
        Send(NetChannel.Control, request);
        try
        {
            return await Wait(reply.Task, timeout ?? DefaultTimeout, $"request {id}");
        }
        finally
        {
            _requests.TryRemove(id, out _);
        }
    }

    private static async Task<T> Wait<T>(Task<T> task, TimeSpan timeout, string what)
    {
        try
        {
            return await task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TwinClientException(ErrorCode.Unspecified, $"no answer to {what} within {timeout.TotalSeconds} s");
        }
    }

    private void Run()
    {
        while (!_stopping.IsCancellationRequested)
        {
            for (int wait = 1; _transport.TryService(wait, out var e); wait = 0)
            {
                Handle(e);
            }
            if (_connected.Task.IsCompletedSuccessfully)
            {
                while (_outbox.TryDequeue(out var message))
                {
                    Interlocked.Add(ref _bytesSent, message.Data.Length);
                    _transport.Send(_server, message.Channel, message.Data);
                }
            }
            _transport.Flush();
        }
        if (IsConnected)
        {
            _transport.Disconnect(_server);
            _transport.Flush();
        }
    }

    private void Handle(TransportEvent e)
    {
        switch (e.Kind)
        {
            case TransportEventKind.Connected:
                _server = e.Peer;
                _connected.TrySetResult(e.Peer);
                break;
            case TransportEventKind.Disconnected:
                _disconnected = true;
                var gone = ServerShuttingDown ? new TwinClientException(ErrorCode.ShuttingDown, "the server shut down")
                    : e.Data.Length > 0 ? new TwinClientException(ErrorCode.Unspecified, $"the server refused the connection ({ClientRefusal(e.Data)})")
                    : new TwinClientException(ErrorCode.Unspecified, "the server closed the connection");
                _connected.TrySetException(gone);
                _welcome.TrySetException(gone);
                _joined.TrySetException(gone);
                foreach (var pending in _requests.Values)
                {
                    pending.TrySetException(gone);
                }
                foreach (var stream in _streams.Values)
                {
                    stream.Writer.TryWrite(new Envelope { Error = new Error { Code = gone.Code, Message = gone.Message } });
                }
                break;
            case TransportEventKind.Received:
                Interlocked.Add(ref _bytesReceived, e.Data.Length);
                Envelope envelope;
                try
                {
                    envelope = Envelope.Parser.ParseFrom(e.Data);
                }
                catch (InvalidProtocolBufferException)
                {
                    return; // not from a TwinWorld server; nothing to answer
                }
                Receive(envelope, e.Data.Length);
                break;
        }
    }

    private void Receive(Envelope envelope, int bytes)
    {
        switch (envelope.BodyCase)
        {
            case Envelope.BodyOneofCase.Welcome:
                _welcome.TrySetResult(envelope.Welcome);
                break;
            case Envelope.BodyOneofCase.Joined:
                _joined.TrySetResult(envelope.Joined);
                break;
            case Envelope.BodyOneofCase.State:
                UpdateReceived?.Invoke(envelope.State, bytes);
                OnState(envelope.State);
                break;
            case Envelope.BodyOneofCase.Frame:
                Interlocked.Increment(ref _framesReceived);
                FrameReceived?.Invoke(envelope.Frame);
                break;
            case Envelope.BodyOneofCase.Pong:
                double ms = ((double)NowMicroseconds() - envelope.Pong.ClientTimeUs) / 1000;
                Volatile.Write(ref _roundTripMs, ms);
                Complete(0, envelope);
                break;
            case Envelope.BodyOneofCase.CommandResult:
                Complete(envelope.CommandResult.RequestId, envelope);
                break;
            case Envelope.BodyOneofCase.HashReply:
                Complete(envelope.HashReply.RequestId, envelope);
                break;
            case Envelope.BodyOneofCase.ForecastResult when _streams.TryGetValue(envelope.ForecastResult.RequestId, out var stream):
                stream.Writer.TryWrite(envelope);
                break;
            case Envelope.BodyOneofCase.Error:
                OnError(envelope.Error);
                break;
        }
    }

    private void OnState(StateUpdate update)
    {
        StateView? applied = null;
        lock (_gate)
        {
            if (_mirror.Apply(update) == MirrorStatus.Applied)
            {
                applied = _mirror.Latest;
            }
            _unacked.RemoveAll(s => s.Sequence <= update.InputAck);
            if (_unacked.Count > 0)
            {
                SendSignals();
            }
        }
        if (applied is not null)
        {
            Interlocked.Increment(ref _updatesApplied);
            Send(NetChannel.State, new Envelope { StateAck = new StateAck { Tick = (ulong)applied.Tick } });
            StateApplied?.Invoke(applied);
        }
    }

    private void OnError(Error error)
    {
        var failure = new TwinClientException(error.Code, $"{error.Code}: {error.Message}");
        if (error.RequestId != 0 && _requests.TryGetValue(error.RequestId, out var pending))
        {
            pending.TrySetException(failure);
            return;
        }
        if (error.RequestId != 0 && _streams.TryGetValue(error.RequestId, out var stream))
        {
            stream.Writer.TryWrite(new Envelope { Error = error });
            return;
        }
        _errors.Enqueue(error);
        if (error.Code == ErrorCode.ShuttingDown)
        {
            Volatile.Write(ref _shuttingDown, true);
        }
        if (_helloSent && !_welcome.Task.IsCompleted)
        {
            _welcome.TrySetException(failure);
        }
        else if (!_joined.Task.IsCompleted && error.Code is ErrorCode.NotJoined or ErrorCode.AlreadyJoined)
        {
            _joined.TrySetException(failure);
        }
    }

    private void Complete(uint requestId, Envelope reply)
    {
        if (_requests.TryGetValue(requestId, out var pending))
        {
            pending.TrySetResult(reply);
        }
    }

    /// <summary>Called under the gate: every signal not yet acknowledged, in one message.</summary>
    private void SendSignals()
        => Send(NetChannel.State, new Envelope { Input = new PlayerInput { Signals = { _unacked.TakeLast(64) } } });
}
