using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using TwinWorld.Protocol;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Net.Transport.WebSockets;

/// <summary>
/// <see cref="INetTransport"/> over WebSockets, for browsers: each binary message is one Envelope, the
/// same as over UDP. The web host hands each accepted socket to <see cref="ServeAsync"/>, which runs on
/// the host's threads; the network thread services events and sends as with any transport. A received
/// message's channel is the one its Envelope body travels on (read from its first field), so the server's
/// checks are the same for both transports.
/// </summary>
public sealed class WebSocketTransport : INetTransport
{
    /// <summary>A message longer than this is cut off here; the server refuses it as too large, as over UDP.</summary>
    private const int MaxReceiveBytes = 1 << 20;

    /// <summary>How long a browser has to answer the server's close before its socket is cut.</summary>
    private static readonly TimeSpan CloseAnswerWait = TimeSpan.FromSeconds(2);

    private readonly ConcurrentQueue<TransportEvent> _events = new();
    private readonly ConcurrentDictionary<PeerId, WebSocketConnection> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private long _nextId;

    /// <param name="meterFactory">The host's meter factory for the drop counter; without one the transport owns its meter.</param>
    public WebSocketTransport(IMeterFactory? meterFactory = null) => Drops = new WebSocketDrops(meterFactory);

    /// <summary>What the sockets could not take in time.</summary>
    public WebSocketDrops Drops { get; }

    /// <summary>
    /// Serves one accepted socket until it closes: Connected, then a Received event per message, then
    /// Disconnected. Returns at once, closing the socket, if the transport is disposed.
    /// </summary>
    public async Task ServeAsync(WebSocket socket, CancellationToken aborted)
    {
        if (_stopping.IsCancellationRequested)
        {
            socket.Abort();
            return;
        }
        var connection = new WebSocketConnection(new PeerId(Interlocked.Increment(ref _nextId)), socket, Drops);
        _connections[connection.Peer] = connection;
        _events.Enqueue(new TransportEvent(TransportEventKind.Connected, connection.Peer, NetChannel.Control, []));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
        var sending = connection.SendAsync(stop.Token);
        var receiving = ReceiveAsync(connection, stop.Token);
        if (await Task.WhenAny(sending, receiving) == receiving)
        {
            connection.Close(); // the browser left: answer its close
        }
        else if (await Task.WhenAny(receiving, Task.Delay(CloseAnswerWait, stop.Token)) != receiving)
        {
            socket.Abort(); // the server closed and the browser did not answer in time
        }
        await Task.WhenAll(sending, receiving);
        _connections.TryRemove(connection.Peer, out _);
        _events.Enqueue(new TransportEvent(TransportEventKind.Disconnected, connection.Peer, NetChannel.Control, []));
    }

    public bool TryService(int timeoutMs, out TransportEvent transportEvent) => _events.TryDequeue(out transportEvent);

    public bool Send(PeerId peer, NetChannel channel, ReadOnlySpan<byte> data)
        => _connections.TryGetValue(peer, out var connection) && connection.Enqueue(channel, data.ToArray());

    public void Disconnect(PeerId peer)
    {
        if (_connections.TryGetValue(peer, out var connection))
        {
            connection.Close();
        }
    }

    /// <summary>Nothing to do: each connection's sender sends as soon as something is queued.</summary>
    public void Flush()
    {
    }

    public void Dispose()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
            foreach (var connection in _connections.Values)
            {
                connection.Socket.Abort();
            }
            Drops.Dispose();
        }
    }

    /// <summary>The channel an Envelope's body travels on, from its first tag (its only field); control if it has none.</summary>
    internal static NetChannel ChannelOf(ReadOnlySpan<byte> envelope)
    {
        ulong tag = 0;
        for (int i = 0, shift = 0; i < envelope.Length && shift < 35; i++, shift += 7)
        {
            tag |= (ulong)(envelope[i] & 0x7F) << shift;
            if (envelope[i] < 0x80)
            {
                return (NetChannel)EnvelopeRoutes.ChannelOf((Envelope.BodyOneofCase)(int)(tag >> 3));
            }
        }
        return NetChannel.Control;
    }

    /// <summary>Receives until the browser closes, the socket fails or <paramref name="stop"/> fires.</summary>
    private async Task ReceiveAsync(WebSocketConnection connection, CancellationToken stop)
    {
        try
        {
            await ReceiveMessagesAsync(connection, stop);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The browser went away, or the server is stopping.
        }
    }

    private async Task ReceiveMessagesAsync(WebSocketConnection connection, CancellationToken stop)
    {
        var buffer = new byte[16 * 1024];
        var message = new MemoryStream();
        while (true)
        {
            var result = await connection.Socket.ReceiveAsync(buffer, stop);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
            if (message.Length < MaxReceiveBytes)
            {
                message.Write(buffer, 0, (int)Math.Min(result.Count, MaxReceiveBytes - message.Length));
            }
            if (result.EndOfMessage)
            {
                byte[] data = message.ToArray();
                message.SetLength(0);
                _events.Enqueue(new TransportEvent(TransportEventKind.Received, connection.Peer, ChannelOf(data), data));
            }
        }
    }
}
