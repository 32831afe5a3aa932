using System.Collections.Concurrent;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using TwinWorld.Client.Connection;
using TwinWorld.Protocol;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.V1;
using TwinWorld.Protocol.Wire;

namespace TwinWorld.Client;

/// <summary>
/// A connection to a TwinWorld server over UDP (LiteNetLib). Whoever drives it receives, applies state updates to a
/// <see cref="StateMirror"/> and acknowledges them, resends unacknowledged player signals, sends what is queued,
/// and raises <see cref="StateApplied"/>, <see cref="UpdateReceived"/> and <see cref="FrameReceived"/> (on the
/// driving thread: keep handlers short). Two ways to drive it: a game loop makes one with <see cref="Connect"/> and
/// calls <see cref="Poll"/> every frame (nothing runs behind its back, no async needed); <see cref="ConnectAsync"/>
/// gives it a thread of its own that polls every millisecond. Every other member is safe to call from any thread.
/// </summary>
public sealed class TwinClient : IDisposable, IServerListener
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly ServerConnection _connection;
    private readonly ConcurrentQueue<(NetChannel Channel, byte[] Data)> _outbox = new();
    private readonly ConcurrentDictionary<uint, TaskCompletionSource<Envelope>> _requests = new();
    private readonly ConcurrentDictionary<uint, ReplyStream> _streams = new();
    private readonly ConcurrentQueue<Error> _errors = new();
    private readonly object _gate = new();
    private readonly StateMirror _mirror = new();
    private readonly List<PlayerSignal> _unacked = [];
    private readonly TaskCompletionSource<bool> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Welcome> _welcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Joined> _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    /// <summary>The client's own polling thread (<see cref="ConnectAsync"/>), or null when a game loop polls it.</summary>
    private readonly Thread? _thread;
    private int _nextRequest;
    private uint _nextSignal;
    private long _bytesReceived, _bytesSent, _updatesApplied, _framesReceived;
    private double _roundTripMs = double.NaN;
    private volatile bool _disconnected;
    private bool _shuttingDown;
    private volatile bool _helloSent;
    private TwinClientException? _failure;

    private TwinClient(string host, int port, bool ownThread)
    {
        _connection = new ServerConnection(host, port, this);
        if (ownThread)
        {
            _thread = new Thread(Run) { Name = "twin-client", IsBackground = true };
            _thread.Start();
        }
    }

    /// <summary>Raised on the driving thread after each state update is applied, with the new view.</summary>
    public event Action<StateView>? StateApplied;

    /// <summary>Raised on the driving thread for each state update as it arrives (before it is applied), with its size on the wire in bytes.</summary>
    public event Action<StateUpdate, int>? UpdateReceived;

    /// <summary>Raised on the driving thread for each frame of a subscribed camera.</summary>
    public event Action<Frame>? FrameReceived;

    public Welcome Welcome => _welcome.Task.IsCompletedSuccessfully ? _welcome.Task.Result : throw new InvalidOperationException("Not welcomed yet.");

    /// <summary>True once the server welcomed this client (the handshake is done).</summary>
    public bool IsWelcomed => _welcome.Task.IsCompletedSuccessfully;

    /// <summary>True once the server confirmed <see cref="Join"/>; the full snapshot follows.</summary>
    public bool IsJoined => _joined.Task.IsCompletedSuccessfully;

    /// <summary>What the server said on joining (this player's avatar and camera, if any).</summary>
    public Joined Joined => _joined.Task.IsCompletedSuccessfully ? _joined.Task.Result : throw new InvalidOperationException("Not joined yet.");

    /// <summary>
    /// Why the connection failed or ended (refused, the handshake or join refused, closed, timed out), or null:
    /// a game loop's way to hear what the async methods would have thrown.
    /// </summary>
    public TwinClientException? Failure => Volatile.Read(ref _failure);

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

    /// <summary>
    /// Starts connecting, for a game loop: returns at once, with Hello queued; call <see cref="Poll"/> every frame,
    /// then <see cref="Join"/> once <see cref="IsWelcomed"/>. A refusal shows in <see cref="Failure"/>. No thread
    /// of its own: everything happens inside <see cref="Poll"/>.
    /// </summary>
    public static TwinClient Connect(string host, int port, string token, string name = "client")
    {
        var client = new TwinClient(host, port, ownThread: false);
        client.SendHello(token, name, ProtocolVersion.Current);
        return client;
    }

    /// <summary>Connects and completes the handshake, with a thread of its own polling; throws <see cref="TwinClientException"/> if the server refuses.</summary>
    public static async Task<TwinClient> ConnectAsync(string host, int port, string token, string name = "client", TimeSpan? timeout = null)
    {
        var client = new TwinClient(host, port, ownThread: true);
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
        var client = new TwinClient(host, port, ownThread: true);
        await Wait(client._connected.Task, timeout ?? DefaultTimeout, "connecting");
        return client;
    }

    /// <summary>Sends Hello and waits for Welcome.</summary>
    public async Task<Welcome> HandshakeAsync(string token, string name, TimeSpan? timeout = null, uint version = ProtocolVersion.Current)
    {
        var limit = timeout ?? DefaultTimeout;
        await Wait(_connected.Task, limit, "connecting");
        SendHello(token, name, version);
        return await Wait(_welcome.Task, limit, "the handshake");
    }

    /// <summary>Asks to join the world; <see cref="IsJoined"/> turns true when the server confirms, and the full snapshot follows.</summary>
    public void Join() => Send(NetChannel.Control, new Envelope { Join = new JoinRequest() });

    /// <summary>Joins the world; the full snapshot follows.</summary>
    public async Task<Joined> JoinAsync(TimeSpan? timeout = null)
    {
        Join();
        return await Wait(_joined.Task, timeout ?? DefaultTimeout, "joining");
    }

    /// <summary>
    /// For a game loop (a client made by <see cref="Connect"/>), once a frame: takes in what arrived, applies
    /// it and raises the events, on the calling thread, then sends what is queued. Never blocks.
    /// </summary>
    public void Poll()
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException("This client has its own polling thread (ConnectAsync); Poll is for one made by Connect.");
        }
        if (!_stopping.IsCancellationRequested)
        {
            Service();
        }
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
        var replies = new ReplyStream();
        _streams[id] = replies;
        try
        {
            var request = new ForecastRequest { RequestId = id, AheadSeconds = aheadSeconds, EverySeconds = everySeconds };
            request.Actions.AddRange(actions ?? []);
            Send(NetChannel.Control, new Envelope { Forecast = request });
            while (true)
            {
                var limit = timeout ?? DefaultTimeout;
                var reply = await replies.ReadAsync(limit, cancel).ConfigureAwait(false)
                    ?? throw new TwinClientException(ErrorCode.Unspecified, $"no answer to forecast {id} within {limit.TotalSeconds} s");
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

    /// <summary>Sends what is still queued (a <see cref="Leave"/>, say), then disconnects. From a game loop, call it on the polling thread.</summary>
    public void Dispose()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
            _thread?.Join();
            Service();
            _connection.Dispose();
            _stopping.Dispose();
        }
    }

    /// <summary>What the server said when refusing the connection request (such as the key it expects), as text.</summary>
    private static string ClientRefusal(byte[] reason) => System.Text.Encoding.UTF8.GetString(reason, 0, Math.Min(reason.Length, 200));

    private static ulong NowMicroseconds() => (ulong)(Stopwatch.GetTimestamp() * (1e6 / Stopwatch.Frequency));

    private uint NextRequest() => (uint)Interlocked.Increment(ref _nextRequest);

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

    /// <summary>The task's result, or <see cref="TwinClientException"/> if it takes longer than <paramref name="timeout"/> (Task.WaitAsync is net6+).</summary>
    private static async Task<T> Wait<T>(Task<T> task, TimeSpan timeout, string what)
    {
        using var timer = new CancellationTokenSource(timeout);
        if (await Task.WhenAny(task, Task.Delay(Timeout.Infinite, timer.Token)).ConfigureAwait(false) != task)
        {
            throw new TwinClientException(ErrorCode.Unspecified, $"no answer to {what} within {timeout.TotalSeconds} s");
        }
        return await task.ConfigureAwait(false);
    }

    /// <summary>The client's own thread (<see cref="ConnectAsync"/>): polls every millisecond until disposed.</summary>
    private void Run()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Service();
            Thread.Sleep(1);
        }
    }

    /// <summary>One turn of the driving thread: receive and handle, then send what is queued.</summary>
    private void Service()
    {
        _connection.Receive();
        if (_connection.IsConnected)
        {
            while (_outbox.TryDequeue(out var message))
            {
                if (_connection.Send(message.Channel, message.Data))
                {
                    Interlocked.Add(ref _bytesSent, message.Data.Length);
                }
            }
        }
        _connection.Flush();
    }

    void IServerListener.Connected() => _connected.TrySetResult(true);

    void IServerListener.Closed(byte[] reason)
    {
        _disconnected = true;
        var gone = ServerShuttingDown ? new TwinClientException(ErrorCode.ShuttingDown, "the server shut down")
            : reason.Length > 0 ? new TwinClientException(ErrorCode.Unspecified, $"the server refused the connection ({ClientRefusal(reason)})")
            : new TwinClientException(ErrorCode.Unspecified, "the server closed the connection");
        Interlocked.CompareExchange(ref _failure, gone, null);
        _connected.TrySetException(gone);
        _welcome.TrySetException(gone);
        _joined.TrySetException(gone);
        foreach (var pending in _requests.Values)
        {
            pending.TrySetException(gone);
        }
        foreach (var stream in _streams.Values)
        {
            stream.Write(new Envelope { Error = new Error { Code = gone.Code, Message = gone.Message } });
        }
    }

    void IServerListener.Received(NetChannel channel, byte[] message)
    {
        Interlocked.Add(ref _bytesReceived, message.Length);
        Envelope envelope;
        try
        {
            envelope = Envelope.Parser.ParseFrom(message);
        }
        catch (InvalidProtocolBufferException)
        {
            return; // not from a TwinWorld server; nothing to answer
        }
        Receive(envelope, message.Length);
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
                stream.Write(envelope);
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
            stream.Write(new Envelope { Error = error });
            return;
        }
        _errors.Enqueue(error);
        if (error.Code == ErrorCode.ShuttingDown)
        {
            Volatile.Write(ref _shuttingDown, true);
        }
        if (_helloSent && !_welcome.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _failure, failure, null);
            _welcome.TrySetException(failure);
        }
        else if (!_joined.Task.IsCompleted && error.Code is ErrorCode.NotJoined or ErrorCode.AlreadyJoined)
        {
            Interlocked.CompareExchange(ref _failure, failure, null);
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

    private void SendHello(string token, string name, uint version)
    {
        _helloSent = true;
        Send(NetChannel.Control, new Envelope { Hello = new Hello { ProtocolVersion = version, Token = token, ClientName = name } });
    }

    /// <summary>Called under the gate: every signal not yet acknowledged, in one message.</summary>
    private void SendSignals()
        => Send(NetChannel.State, new Envelope { Input = new PlayerInput { Signals = { _unacked.TakeLast(64) } } });
}
