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

    /// <summary>UDP port; 0 takes any free port (the log says which).</summary>
    public int Port { get; set; } = 7777;

    public int MaxClients { get; set; } = 256;

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
