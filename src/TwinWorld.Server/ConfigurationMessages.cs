using System.Net.Sockets;
using System.Text.RegularExpressions;
using TwinWorld.Server.Http;

namespace TwinWorld.Server;

/// <summary>What is wrong with a setting, in plain words that name it, from what the options framework says.</summary>
internal static partial class ConfigurationMessages
{
    /// <summary>
    /// A validation failure is reduced to its own message, which names the setting ("Tick:RateHz must be ..."); a
    /// value that does not convert says which setting and what it should be.
    /// </summary>
    public static string Plain(string failure)
    {
        if (Annotation().Match(failure) is { Success: true } annotation)
        {
            return annotation.Groups["message"].Value;
        }
        if (Conversion().Match(failure) is { Success: true } conversion)
        {
            string kind = conversion.Groups["type"].Value switch
            {
                "System.Double" or "System.Single" or "System.Decimal" => "a number",
                "System.Int32" or "System.Int64" or "System.UInt16" or "System.UInt32" => "a whole number",
                "System.Boolean" => "true or false",
                var type => $"a {type.Split('.')[^1]}",
            };
            return $"{conversion.Groups["setting"].Value} must be {kind} (got '{conversion.Groups["value"].Value}').";
        }
        return failure;
    }

    public static string PortTaken(HttpOptions http, SocketError error) => error == SocketError.AccessDenied
        ? $"Http:Port {http.Port} on {http.BindAddress} may not be used by this user; choose another with --Http:Port=N."
        : $"Http:Port {http.Port} on {http.BindAddress} is in use (is another server running?); stop it or choose another with --Http:Port=N.";

    [GeneratedRegex(@"with the error: '(?<message>.*)'\.$")]
    private static partial Regex Annotation();

    [GeneratedRegex(@"Failed to convert configuration value '(?<value>.*)' at '(?<setting>[^']*)' to type '(?<type>[^']*)'")]
    private static partial Regex Conversion();
}
