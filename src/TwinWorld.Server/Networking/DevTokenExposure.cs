using System.Net;
using TwinWorld.Server.Http;

namespace TwinWorld.Server.Networking;

/// <summary>
/// The shipped tokens (dev-viewer ... dev-admin) are public: they are in the repository. On loopback that is
/// harmless; on an address other machines reach, anyone can join with them, as an admin too.
/// </summary>
internal static class DevTokenExposure
{
    /// <summary>The warning to give at start, or null when no dev token is configured or nothing listens beyond loopback.</summary>
    public static string? Warning(NetworkOptions network, HttpOptions http)
    {
        string[] devTokens = [.. network.Tokens.Keys.Where(t => t.StartsWith("dev-", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        var listeners = new List<(string Protocol, string Address)> { ("UDP", network.BindAddress), ("HTTP", http.BindAddress) };
        if (network.ListenV6() is { } v6)
        {
            listeners.Add(("UDP", v6.ToString()));
        }
        string[] exposed = [.. listeners
            .Where(l => IPAddress.TryParse(l.Address, out var address) && !IPAddress.IsLoopback(address))
            .Select(l => $"{l.Protocol} {l.Address}")];
        return devTokens.Length == 0 || exposed.Length == 0 ? null
            : $"SECURITY: listening beyond this machine ({string.Join(", ", exposed)}) with the public development tokens {string.Join(", ", devTokens)} "
              + "configured: anyone who can reach this server can join with them. Remove them from Network:Tokens and set your own, "
              + "or bind to 127.0.0.1 (Network:BindAddress, Http:BindAddress; Network:BindAddressV6 ::1 or empty, if set).";
    }
}
