using System.Net;
using TwinWorld.Net.Interest;

namespace TwinWorld.Server.Networking;

/// <summary>The "Network" configuration section: where clients connect and which tokens grant which roles.</summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>Whether the server listens for clients at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>An IPv4 address to listen on (0.0.0.0: every interface).</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>
    /// An IPv6 address to listen on at the same port; empty listens on IPv4 only. Unset, it follows
    /// <see cref="BindAddress"/>'s reach, so binding IPv4 to this machine never opens IPv6 to others: 0.0.0.0
    /// gives ::, 127.0.0.1 gives ::1, any other address IPv4 only.
    /// </summary>
    public string? BindAddressV6 { get; set; }

    /// <summary>The IPv6 address listened on, from <see cref="BindAddressV6"/> or, unset, <see cref="BindAddress"/> (valid settings only).</summary>
    public IPAddress? ListenV6() => BindAddressV6 switch
    {
        null => IPAddress.Parse(BindAddress) switch
        {
            var any when any.Equals(IPAddress.Any) => IPAddress.IPv6Any,
            var loopback when IPAddress.IsLoopback(loopback) => IPAddress.IPv6Loopback,
            _ => null,
        },
        "" => null,
        var v6 => IPAddress.Parse(v6),
    };

    /// <summary>UDP port; 0 takes any free port (the log says which).</summary>
    public int Port { get; set; } = 7777;

    /// <summary>Clients that said Hello; connections still waiting to have their own budget (<see cref="MaxWaitingForHello"/>).</summary>
    public int MaxClients { get; set; } = 256;

    /// <summary>Connections not yet past Hello; past this, a newcomer pushes the oldest one out.</summary>
    public int MaxWaitingForHello { get; set; } = 32;

    /// <summary>Seconds a connection may go without sending Hello before it is closed.</summary>
    public double HelloTimeoutSeconds { get; set; } = 5;

    /// <summary>Seconds a silent peer (no packet, not even the once-a-second ping) is kept before it is dropped.</summary>
    public double PeerTimeoutSeconds { get; set; } = 5;

    /// <summary>Connection requests per second one source address may make (bursts of four times that pass); more are dropped unanswered.</summary>
    public double ConnectionRequestsPerSecond { get; set; } = 4;

    /// <summary>Token to role: viewer, player, author, analyst or admin.</summary>
    public Dictionary<string, string> Tokens { get; set; } = [];

    /// <summary>Messages per second a client may send on average (bursts of twice that pass).</summary>
    public double MessagesPerSecond { get; set; } = 120;

    /// <summary>The "Network:Interest" subsection: what each client's state stream carries and its bandwidth budget.</summary>
    public InterestOptions Interest { get; set; } = new();

    /// <summary>Threads that build clients' state updates at once each tick (1: in turn on the network thread).</summary>
    public int StreamThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>Author commands (hazards, wind, typed actions) an author or admin may send a second on average, and in a burst.</summary>
    public double CommandsPerSecond { get; set; } = 1;

    public double CommandBurst { get; set; } = 10;

    /// <summary>Cameras one client may watch at once.</summary>
    public int MaxSubscriptions { get; set; } = 16;

    /// <summary>Refused messages (malformed, oversized, forbidden, flooding) a connection may send before it is disconnected.</summary>
    public int MaxStrikes { get; set; } = 50;
}
