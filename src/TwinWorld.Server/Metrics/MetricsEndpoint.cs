using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace TwinWorld.Server.Metrics;

/// <summary><c>/metrics</c>: every TwinWorld instrument and the process's figures, in the Prometheus text format (prometheus-net).</summary>
internal static class MetricsEndpoint
{
    public static void Map(WebApplication app)
        => app.MapMetrics("/metrics", app.Services.GetRequiredService<MeterBridge>().Registry);
}
