using System.Net;
using System.Net.Sockets;

namespace TwinWorld.Cluster.Sweeps;

/// <summary>
/// Where a client finds the cluster (<c>--cluster</c>): <c>redis://host:port</c>, the Redis server that
/// holds the membership, or silo gateways <c>host:port[,host:port...]</c> (development clustering).
/// </summary>
public sealed record ClusterAddress(IReadOnlyList<IPEndPoint> Gateways, string? Redis)
{
    private const string RedisScheme = "redis://";

    public const string Forms = "give redis://host:port (membership in Redis) or the silos' gateways as host:port[,host:port...] (e.g. localhost:30000)";

    /// <summary>Reads an address, resolving host names; null with the reason, naming <paramref name="setting"/>, when it is not one.</summary>
    public static ClusterAddress? Parse(string text, out string? error, string setting = "--cluster")
    {
        error = null;
        if (text.StartsWith(RedisScheme, StringComparison.OrdinalIgnoreCase))
        {
            string server = text[RedisScheme.Length..];
            if (server.Length > 0)
            {
                return new ClusterAddress([], server);
            }
            error = $"{setting} {text}: no Redis server after {RedisScheme}; {Forms}";
            return null;
        }
        var gateways = new List<IPEndPoint>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (Endpoint(part, out string? problem) is not { } gateway)
            {
                error = $"{setting} {text}: {problem}; {Forms}";
                return null;
            }
            gateways.Add(gateway);
        }
        return new ClusterAddress(gateways, null);
    }

    public override string ToString() => Redis is { } redis ? $"{RedisScheme}{redis}" : string.Join(",", Gateways);

    /// <summary>Reads host:port, resolving a host name; null with the reason when it is not one.</summary>
    public static IPEndPoint? Endpoint(string text, out string? problem)
    {
        problem = null;
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], out int port) || port is < 1 or > 65535)
        {
            problem = $"'{text}' is not host:port with a port from 1 to 65535";
            return null;
        }
        string host = text[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, port);
        }
        try
        {
            // IPv4 first: silos on localhost listen on 127.0.0.1.
            var found = Dns.GetHostAddresses(host).OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).FirstOrDefault();
            if (found is not null)
            {
                return new IPEndPoint(found, port);
            }
        }
        catch (SocketException)
        {
            // Reported below, as for a name with no address.
        }
        problem = $"no address found for the host '{host}'";
        return null;
    }
}
