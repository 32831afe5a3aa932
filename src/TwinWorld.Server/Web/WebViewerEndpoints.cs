using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using TwinWorld.Server.Http;
using TwinWorld.Server.Networking;
using Sim = TwinWorld.Simulation.Simulator;

namespace TwinWorld.Server.Web;

/// <summary>
/// The web viewer: the page and its scripts (wwwroot) at <c>/</c>, the WebSocket gateway at <c>/ws</c>
/// (the same Envelopes as over UDP, one per binary message, through the same server), and the terrain the
/// page's map is drawn on at <c>/api/terrain.png</c>.
/// </summary>
internal static class WebViewerEndpoints
{
    public static void Map(WebApplication app)
    {
        app.UseWebSockets();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.Map("/ws", async (HttpContext context, NetworkService network, IOptions<HttpOptions> http) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                return Results.Text("/ws takes WebSocket connections: binary messages, one protobuf Envelope each (protocol/README.md)\n", statusCode: StatusCodes.Status400BadRequest);
            }
            if (ForeignOrigin(context, http.Value) is { } origin)
            {
                return Results.Text($"a page from {origin} may not open /ws; add it to Http:AllowedOrigins to let it\n", statusCode: StatusCodes.Status403Forbidden);
            }
            if (network.WebSockets is not { } transport)
            {
                return Results.Text("networking is off or not started\n", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await transport.ServeAsync(socket, context.RequestAborted);
            return Results.Empty;
        });
        app.MapGet("/api/terrain.png", (Sim simulation) => Results.File(TerrainImage.Of(simulation.Site.Terrain), "image/png"));
    }

    /// <summary>
    /// The origin of a page that may not open a socket, or null (no origin: not a browser). The server's own
    /// pages are those served from a loopback name or its bind address on its port, http or https (behind a
    /// proxy), judged from the origin itself: the request's Host is the page's to choose, so a domain
    /// re-pointed at this machine (DNS rebinding) would otherwise pass as the server's own.
    /// </summary>
    private static string? ForeignOrigin(HttpContext context, HttpOptions http)
    {
        string? origin = context.Request.Headers.Origin;
        if (string.IsNullOrEmpty(origin))
        {
            return null;
        }
        if (http.AllowedOrigins.Any(allowed => string.Equals(origin, allowed.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        bool own = Uri.TryCreate(origin, UriKind.Absolute, out var page)
            && page.Scheme is "http" or "https"
            && page.Port == context.Connection.LocalPort
            && (page.IsLoopback || string.Equals(page.Host.Trim('[', ']'), http.BindAddress, StringComparison.OrdinalIgnoreCase));
        return own ? null : origin;
    }
}
