using System.Net;
using TwinWorld.Net.Interest;
using TwinWorld.Net.Transport.Udp;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Net.Sessions;

/// <summary>What the server's network side needs to know; the host validates it from configuration.</summary>
public sealed record NetServerOptions
{
    public IPAddress BindAddress { get; init; } = IPAddress.Any;

    /// <summary>The IPv6 address listened on at the same port; null listens on IPv4 only.</summary>
    public IPAddress? BindAddressV6 { get; init; } = IPAddress.IPv6Any;

    /// <summary>UDP port; 0 takes any free one (tests).</summary>
    public int Port { get; init; } = 7777;

    /// <summary>Clients that said Hello; connections still waiting for theirs have a budget of their own (<see cref="MaxWaitingForHello"/>).</summary>
    public int MaxClients { get; init; } = 256;

    /// <summary>Connections that have not sent their Hello yet; past this, a newcomer pushes the oldest one out.</summary>
    public int MaxWaitingForHello { get; init; } = 32;

    /// <summary>How long a connection may go without sending Hello before it is closed.</summary>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A peer silent this long (no packet, not even LiteNetLib's once-a-second ping) is dropped.</summary>
    public TimeSpan PeerTimeout { get; init; } = UdpOptions.DefaultDisconnectTimeout;

    /// <summary>Connection requests one source address (an IPv6 /64) may make per second on average, and in a burst; more are dropped unanswered.</summary>
    public double ConnectionRequestsPerSecond { get; init; } = 4;

    public double ConnectionRequestBurst { get; init; } = 16;

    /// <summary>Flood refusals (requests over their address's rate, connections pushed out) over 10 s that make /readyz report a flood.</summary>
    public int FloodThreshold { get; init; } = 100;

    /// <summary>Role tokens: what a client sends in Hello, and the role it gets.</summary>
    public IReadOnlyDictionary<string, Role> Tokens { get; init; } = new Dictionary<string, Role>();

    /// <summary>The largest message a client may send.</summary>
    public int MaxMessageBytes { get; init; } = 16 * 1024;

    /// <summary>Messages per second a client may send on average, and in a burst.</summary>
    public double MessagesPerSecond { get; init; } = 120;

    public double MessageBurst { get; init; } = 240;

    /// <summary>Author commands per second on average, and in a burst: each can start a hazard the tick then pays for.</summary>
    public double CommandsPerSecond { get; init; } = 1;

    public double CommandBurst { get; init; } = 10;

    /// <summary>Cameras one client may watch at once.</summary>
    public int MaxSubscriptions { get; init; } = 16;

    /// <summary>What each client's state stream carries: interest radii, the bandwidth budget.</summary>
    public InterestOptions Interest { get; init; } = new();

    /// <summary>Threads that build clients' interest-managed state updates at once each tick; 1 builds them in turn on the network thread.</summary>
    public int StreamThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>Refused messages (malformed, oversized, forbidden, flooding) a connection may send before it is disconnected.</summary>
    public int MaxStrikes { get; init; } = 50;
}
