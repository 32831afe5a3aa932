using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Server.Networking;

/// <summary>Checks the "Network" section before anything starts, naming each bad setting.</summary>
internal sealed class NetworkOptionsValidator : IValidateOptions<NetworkOptions>
{
    public ValidateOptionsResult Validate(string? name, NetworkOptions options)
    {
        var failures = new List<string>();
        if (!IPAddress.TryParse(options.BindAddress, out var address) || address.AddressFamily != AddressFamily.InterNetwork)
        {
            failures.Add($"Network:BindAddress must be an IPv4 address such as 0.0.0.0 (got '{options.BindAddress}').");
        }
        if (options.BindAddressV6 is { Length: > 0 } && (!IPAddress.TryParse(options.BindAddressV6, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6))
        {
            failures.Add($"Network:BindAddressV6 must be an IPv6 address such as ::, or empty for IPv4 only (got '{options.BindAddressV6}').");
        }
        if (options.MaxWaitingForHello is < 1 or > 4096)
        {
            failures.Add($"Network:MaxWaitingForHello must be 1 to 4096 (got {options.MaxWaitingForHello}).");
        }
        if (!(options.HelloTimeoutSeconds is >= 0.1 and <= 300))
        {
            failures.Add($"Network:HelloTimeoutSeconds must be 0.1 to 300 (got {options.HelloTimeoutSeconds}).");
        }
        if (!(options.PeerTimeoutSeconds is >= 0.5 and <= 300))
        {
            failures.Add($"Network:PeerTimeoutSeconds must be 0.5 to 300 (got {options.PeerTimeoutSeconds}).");
        }
        if (!(options.ConnectionRequestsPerSecond is >= 0.1 and <= 100_000))
        {
            failures.Add($"Network:ConnectionRequestsPerSecond must be 0.1 to 100000 (got {options.ConnectionRequestsPerSecond}).");
        }
        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"Network:Port must be 0 to 65535 (got {options.Port}).");
        }
        if (options.MaxClients is < 1 or > 4096)
        {
            failures.Add($"Network:MaxClients must be 1 to 4096 (got {options.MaxClients}).");
        }
        if (!(options.MessagesPerSecond is >= 1 and <= 100_000))
        {
            failures.Add($"Network:MessagesPerSecond must be 1 to 100000 (got {options.MessagesPerSecond}).");
        }
        if (!(options.CommandsPerSecond is >= 0.01 and <= 1000))
        {
            failures.Add($"Network:CommandsPerSecond must be 0.01 to 1000 (got {options.CommandsPerSecond}).");
        }
        if (!(options.CommandBurst is >= 1 and <= 10_000))
        {
            failures.Add($"Network:CommandBurst must be 1 to 10000 (got {options.CommandBurst}).");
        }
        if (options.MaxSubscriptions is < 1 or > 1024)
        {
            failures.Add($"Network:MaxSubscriptions must be 1 to 1024 (got {options.MaxSubscriptions}).");
        }
        if (options.MaxStrikes < 1)
        {
            failures.Add($"Network:MaxStrikes must be at least 1 (got {options.MaxStrikes}).");
        }
        if (options.StreamThreads is < 1 or > 1024)
        {
            failures.Add($"Network:StreamThreads must be 1 to 1024 (got {options.StreamThreads}).");
        }
        failures.AddRange(options.Interest.Problems("Network:Interest:"));
        if (options.Enabled && options.Tokens.Count == 0)
        {
            failures.Add("Network:Tokens is empty: no client could join. Add tokens (Network:Tokens:<token>=<role>) or set Network:Enabled=false.");
        }
        foreach (var (token, role) in options.Tokens)
        {
            if (token.Length is < 4 or > 256)
            {
                failures.Add($"Network:Tokens: token '{token}' must be 4 to 256 characters.");
            }
            if (ParseRole(role) is null)
            {
                failures.Add($"Network:Tokens:{token} is '{role}', not a role (viewer, player, author, analyst, admin).");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static Role? ParseRole(string role) => role.Trim().ToLowerInvariant() switch
    {
        "viewer" => Role.Viewer,
        "player" => Role.Player,
        "author" => Role.Author,
        "analyst" => Role.Analyst,
        "admin" => Role.Admin,
        _ => null,
    };
}
