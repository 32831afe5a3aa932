using System.ComponentModel.DataAnnotations;

namespace TwinWorld.Server.Logging;

/// <summary>The server's own key in the "Logging" section (the rest is .NET's: LogLevel, Console).</summary>
public sealed class LoggingOptions
{
    public const string Section = "Logging";

    /// <summary>Console log lines: <c>simple</c> (one readable line each) or <c>json</c> (one JSON object each, for log collectors).</summary>
    [RegularExpression("^(?i:simple|json)$", ErrorMessage = "Logging:Format must be simple or json.")]
    public string Format { get; set; } = LoggingFormat.Simple;
}
