using System.Diagnostics.Metrics;
using TwinWorld.Net.Sessions;

namespace TwinWorld.Net.Transport.WebSockets;

/// <summary>
/// What browsers' sockets could not take in time, on the "TwinWorld.Net" meter as
/// <c>twinworld.net.websocket_dropped</c> by <c>kind</c>: a state update replaced by a newer one, or a
/// frame pushed out by newer ones, before the socket sent it.
/// </summary>
public sealed class WebSocketDrops : IDisposable
{
    private static readonly KeyValuePair<string, object?> StateKind = new("kind", "state");
    private static readonly KeyValuePair<string, object?> FrameKind = new("kind", "frame");

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _dropped;
    private long _states;
    private long _frames;

    /// <param name="factory">The host's meter factory, which owns the meter; without one the meter is this object's own.</param>
    public WebSocketDrops(IMeterFactory? factory)
    {
        _ownsMeter = factory is null;
        _meter = factory?.Create(NetMetrics.MeterName) ?? new Meter(NetMetrics.MeterName);
        _dropped = _meter.CreateCounter<long>("twinworld.net.websocket_dropped", "{message}",
            "State updates and frames for browsers replaced or pushed out by newer ones before their socket sent them, by kind");
    }

    /// <summary>State updates replaced unsent so far.</summary>
    public long States => Interlocked.Read(ref _states);

    /// <summary>Frames pushed out unsent so far.</summary>
    public long Frames => Interlocked.Read(ref _frames);

    internal void State()
    {
        Interlocked.Increment(ref _states);
        _dropped.Add(1, StateKind);
    }

    internal void Frame()
    {
        Interlocked.Increment(ref _frames);
        _dropped.Add(1, FrameKind);
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
