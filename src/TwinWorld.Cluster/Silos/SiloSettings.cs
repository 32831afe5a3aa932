using System.Net;

namespace TwinWorld.Cluster.Silos;

/// <summary>
/// How a silo joins: its ports, and either the primary silo on this machine (development clustering,
/// one machine) or a Redis server that holds the membership (many machines), with the address other
/// silos and clients reach it at. <see cref="Problem"/> says what is wrong before anything starts.
/// </summary>
public sealed record SiloSettings
{
    public const string DefaultClusterId = "twinworld";

    public int SiloPort { get; init; } = 11111;

    public int GatewayPort { get; init; } = 30000;

    /// <summary>Development clustering: the primary silo's endpoint (itself when it is the primary). Ignored with <see cref="Redis"/>.</summary>
    public IPEndPoint? Primary { get; init; }

    /// <summary>A StackExchange.Redis connection string: membership in Redis, any silo may go.</summary>
    public string? Redis { get; init; }

    /// <summary>With <see cref="Redis"/>: the address this silo is reached at (a pod's IP); the machine's own by default.</summary>
    public IPAddress? Advertise { get; init; }

    public string ClusterId { get; init; } = DefaultClusterId;

    public int RunsAtOnce { get; init; } = Environment.ProcessorCount;

    /// <summary>How long a run goes on with no client asking about it before it is cancelled.</summary>
    public TimeSpan OrphanAfter { get; init; } = TimeSpan.FromSeconds(30);

    public string? Problem()
        => SiloPort is < 1 or > 65535 ? $"--port {SiloPort}: a port is 1 to 65535."
        : GatewayPort is < 1 or > 65535 ? $"--gateway-port {GatewayPort}: a port is 1 to 65535."
        : SiloPort == GatewayPort ? $"--port and --gateway-port are both {SiloPort}; give them different ports."
        : RunsAtOnce < 1 ? $"--runs-at-once {RunsAtOnce}: a silo runs at least 1 run at a time."
        : OrphanAfter <= TimeSpan.Zero ? "--orphan-after: give a time above 0."
        : Advertise is not null && Redis is null ? "--advertise is for many machines: give it with --redis."
        : string.IsNullOrWhiteSpace(ClusterId) ? "--cluster-id: give a name."
        : null;
}
