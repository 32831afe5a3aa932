using System.Diagnostics.Metrics;
using TwinWorld.Net.Transport;
using TwinWorld.Net.Transport.Udp;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Net.Sessions;

/// <summary>
/// The network thread's instruments on the "TwinWorld.Net" meter: clients connected, bytes sent by the
/// client's role and channel, frames sent and dropped, and connections refused and timed out by why. Tags are the few roles and channels, so the
/// exposition stays small however many clients come and go.
/// </summary>
internal sealed class NetMetrics : IDisposable
{
    public const string MeterName = "TwinWorld.Net";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _sentBytes;
    private readonly Counter<long> _framesSent;

    /// <param name="factory">The host's meter factory, which owns the meter; without one the meter is this object's own.</param>
    /// <param name="clients">Reads the connection count (any thread).</param>
    /// <param name="framesDropped">Reads the frames replaced before they were sent (any thread).</param>
    /// <param name="connections">The connections refused and timed out (read from any thread).</param>
    public NetMetrics(IMeterFactory? factory, Func<int> clients, Func<long> framesDropped, ConnectionCounts connections)
    {
        _ownsMeter = factory is null;
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        _sentBytes = _meter.CreateCounter<long>("twinworld.net.sent", "By", "Bytes of messages sent to clients, by the client's role and the channel");
        _framesSent = _meter.CreateCounter<long>("twinworld.net.frames_sent", "{frame}", "Camera frames sent to subscribed clients");
        _meter.CreateObservableGauge("twinworld.net.clients", clients, "{client}", "Connections with a session (any phase)");
        _meter.CreateObservableCounter("twinworld.net.frames_dropped", framesDropped, "{frame}",
            "Frames of a watched camera replaced by a newer one before the network thread sent them");
        _meter.CreateObservableCounter("twinworld.net.connections_refused", () => new Measurement<long>[]
        {
            new(connections.WrongKey, new KeyValuePair<string, object?>("reason", "wrong_key")),
            new(connections.RateLimited, new KeyValuePair<string, object?>("reason", "rate_limited")),
            new(connections.ServerFull, new KeyValuePair<string, object?>("reason", "server_full")),
            new(connections.PushedOut, new KeyValuePair<string, object?>("reason", "pushed_out")),
        }, "{connection}", "Connection requests and connections refused: a wrong protocol key, over their address's request rate, every slot taken, pushed out of the not-yet-joined budget");
        _meter.CreateObservableCounter("twinworld.net.connections_timed_out", () => new Measurement<long>[]
        {
            new(connections.HelloTimedOut, new KeyValuePair<string, object?>("stage", "hello")),
            new(connections.PeerTimedOut, new KeyValuePair<string, object?>("stage", "peer")),
        }, "{connection}", "Connections closed for sending no Hello in time, and peers dropped for going silent");
    }

    public void Sent(Role role, NetChannel channel, int bytes)
        => _sentBytes.Add(bytes, new KeyValuePair<string, object?>("role", RoleName(role)), new KeyValuePair<string, object?>("channel", ChannelName(channel)));

    public void FrameSent() => _framesSent.Add(1);

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private static string RoleName(Role role) => role switch
    {
        Role.Viewer => "viewer",
        Role.Player => "player",
        Role.Author => "author",
        Role.Analyst => "analyst",
        Role.Admin => "admin",
        _ => "none",
    };

    private static string ChannelName(NetChannel channel) => channel switch
    {
        NetChannel.Control => "control",
        NetChannel.State => "state",
        NetChannel.Frames => "frames",
        _ => "other",
    };
}
