using System.ComponentModel.DataAnnotations;

namespace TwinWorld.Server.Http;

/// <summary>The "Http" configuration section: where the web viewer, /metrics and the health endpoints listen.</summary>
public sealed class HttpOptions
{
    public const string Section = "Http";

    /// <summary>The address to bind; localhost by default, so nothing is exposed by accident.</summary>
    [RegularExpression(@"^[0-9a-fA-F:.]+$", ErrorMessage = "Http:BindAddress must be an IP address such as 127.0.0.1.")]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 takes any free one (logged at start).</summary>
    [Range(0, 65535, ErrorMessage = "Http:Port must be 0 to 65535.")]
    public int Port { get; set; } = 8080;

    /// <summary>How long /readyz answers 503 "shutting down" before the listener closes, once stopping starts (within the 5 s a stop may take).</summary>
    [Range(0.0, 2.0, ErrorMessage = "Http:DrainSeconds must be between 0 and 2.")]
    public double DrainSeconds { get; set; } = 1;

    /// <summary>
    /// Web origins, besides the server's own, whose pages may open <c>/ws</c> (e.g. https://viewer.example.org).
    /// A browser always says which page opens a socket, and the default tokens are public, so without this
    /// any site a user visits could drive their local server; clients that are not browsers send no origin.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}
