using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TwinWorld.Server.Networking;
using TwinWorld.Server.Ticking;

namespace TwinWorld.Server.Http;

/// <summary>
/// Orchestrators' probes. <c>/healthz</c>: the process is alive and its tick loop is ticking (not failed,
/// not stalled). <c>/readyz</c>: it has ticked, clients can connect (it listens, has a free slot and is not
/// under a connection flood), and it is not shutting down. Each
/// answers 200 "ok" or 503 with the reason as plain text.
/// </summary>
internal static class HealthEndpoints
{
    /// <summary>A tick loop silent for this long is stalled (a tick normally takes milliseconds).</summary>
    private static readonly TimeSpan Stalled = TimeSpan.FromSeconds(5);

    public static void Map(WebApplication app)
    {
        app.MapGet("/healthz", (TickProgress ticks) => Answer(Unhealthy(ticks)));
        app.MapGet("/readyz", (TickProgress ticks, NetworkService network, IHostApplicationLifetime lifetime) =>
            Answer(Unhealthy(ticks) ?? NotReady(ticks, network, lifetime)));
    }

    private static string? Unhealthy(TickProgress ticks) => ticks switch
    {
        { Failed: true } => "a tick failed; the server is stopping",
        { SinceLastTick: { } since } when since > Stalled => $"no tick for {since.TotalSeconds:F0} s",
        _ => null,
    };

    private static string? NotReady(TickProgress ticks, NetworkService network, IHostApplicationLifetime lifetime)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return "shutting down";
        }
        if (ticks.Ticks == 0)
        {
            return "starting: no tick yet";
        }
        return network.Enabled && network.Port == 0 ? "starting: networking is not listening yet" : network.Busy;
    }

    private static IResult Answer(string? problem)
        => problem is null ? Results.Text("ok\n") : Results.Text(problem + "\n", statusCode: StatusCodes.Status503ServiceUnavailable);
}
