using System.Net;
using TwinWorld.Net.Interest;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Net.Sessions;

/// <summary>What the server's network side needs to know; the host validates it from configuration.</summary>
public sealed record NetServerOptions
{
    public IPAddress BindAddress { get; init; } = IPAddress.Any;

    /// <summary>UDP port; 0 takes any free one (tests).</summary>
    public int Port { get; init; } = 7777;

    public int MaxClients { get; init; } = 256;

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
