using System.Collections.Concurrent;
using System.Net.WebSockets;

namespace TwinWorld.Net.Transport.WebSockets;

/// <summary>
/// One browser's socket and what waits to go out on it. Everything travels on the one ordered socket:
/// control messages all go, in order, first; of state updates only the newest waiting one goes, and of
/// frames the newest few, so a slow socket drops state and frames instead of building a backlog.
/// </summary>
/// <param name="drops">Counts what is replaced or dropped unsent, for the transport's metrics.</param>
internal sealed class WebSocketConnection(PeerId peer, WebSocket socket, WebSocketDrops drops)
{
    /// <summary>Frames waiting at most (a client watching several cameras gets each camera's newest, mostly).</summary>
    private const int MaxWaitingFrames = 4;

    /// <summary>Control messages waiting at most: a client this far behind is not reading, and is closed.</summary>
    private const int MaxWaitingControl = 4096;

    private readonly ConcurrentQueue<byte[]> _control = new();
    private readonly ConcurrentQueue<byte[]> _frames = new();
    private readonly SemaphoreSlim _ready = new(0);
    private byte[]? _state;
    private volatile bool _closing;

    public PeerId Peer { get; } = peer;

    public WebSocket Socket { get; } = socket;

    /// <summary>Network thread: queues a message; false if the connection is closing or too far behind.</summary>
    public bool Enqueue(NetChannel channel, byte[] data)
    {
        if (_closing)
        {
            return false;
        }
        switch (channel)
        {
            case NetChannel.Control:
                if (_control.Count >= MaxWaitingControl)
                {
                    Close();
                    return false;
                }
                _control.Enqueue(data);
                break;
            case NetChannel.State:
                if (Interlocked.Exchange(ref _state, data) is not null)
                {
                    drops.State(); // replaced one not yet sent
                }
                break;
            default:
                _frames.Enqueue(data);
                while (_frames.Count > MaxWaitingFrames && _frames.TryDequeue(out _))
                {
                    drops.Frame(); // the oldest goes: newest wins
                }
                break;
        }
        _ready.Release();
        return true;
    }

    /// <summary>Closes once what is waiting on the control channel is sent.</summary>
    public void Close()
    {
        _closing = true;
        _ready.Release();
    }

    /// <summary>Sends until closed (then starts the close handshake), the socket fails or <paramref name="stop"/> fires.</summary>
    public async Task SendAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await _ready.WaitAsync(stop);
                while (Next() is { } message)
                {
                    await Socket.SendAsync(message, WebSocketMessageType.Binary, endOfMessage: true, stop);
                }
                if (_closing)
                {
                    if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closed by the server", stop);
                    }
                    return;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away or the server is stopping: nothing more to send.
            Socket.Abort();
        }
    }

    private byte[]? Next()
    {
        if (_control.TryDequeue(out var control))
        {
            return control;
        }
        if (_closing)
        {
            return null;
        }
        return Interlocked.Exchange(ref _state, null) ?? (_frames.TryDequeue(out var frame) ? frame : null);
    }
}
