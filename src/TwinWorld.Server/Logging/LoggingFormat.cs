using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace TwinWorld.Server.Logging;

/// <summary>
/// Switches the console formatter on <c>Logging:Format</c>. It runs while the host is being built, before
/// options are validated: an unknown format leaves the simple formatter, and validation reports it.
/// </summary>
internal static class LoggingFormat
{
    public const string Simple = "simple", Json = "json";

    public static void Apply(ILoggingBuilder logging, IConfiguration configuration)
    {
        if (string.Equals(configuration[$"{LoggingOptions.Section}:Format"], Json, StringComparison.OrdinalIgnoreCase))
        {
            // One object per line, UTC ISO 8601 timestamps, scopes and state as properties: what log collectors parse.
            logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                json.IncludeScopes = true;
                json.JsonWriterOptions = new() { Indented = false };
            });
        }
    }
}
