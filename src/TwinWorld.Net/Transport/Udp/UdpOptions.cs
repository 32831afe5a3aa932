using TwinWorld.Protocol.Wire;

namespace TwinWorld.Net.Transport.Udp;

/// <summary>How a <see cref="UdpTransport"/> treats its peers and, listening, connection requests.</summary>
public sealed record UdpOptions
{
    /// <summary>The documented default: a peer silent this long (no packet, not even the once-a-second ping) is dropped.</summary>
    public static readonly TimeSpan DefaultDisconnectTimeout = TimeSpan.FromSeconds(5);

    public TimeSpan DisconnectTimeout { get; init; } = DefaultDisconnectTimeout;

    /// <summary>Connection requests a source address may make per second on average, and in a burst; more are dropped unanswered.</summary>
    public double RequestsPerSecondPerAddress { get; init; } = 4;

    public double RequestBurstPerAddress { get; init; } = 16;

    /// <summary>
    /// The largest State message put together from chunks; larger ones are dropped, so a peer cannot make the
    /// other side hold more (control messages and frames are bounded by <see cref="UdpWire.MaxReliableBytes"/>).
    /// </summary>
    public int MaxMessageBytes { get; init; } = 4 << 20;
}
