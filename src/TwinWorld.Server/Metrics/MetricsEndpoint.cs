using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TwinWorld.Server.Metrics;

/// <summary><c>/metrics</c>: every TwinWorld instrument in the Prometheus text format, for a Prometheus server to scrape.</summary>
internal static class MetricsEndpoint
{
    public static void Map(WebApplication app)
        => app.MapGet("/metrics", (MetricsCollector collector) => Results.Text(collector.Scrape(), PrometheusText.ContentType));
}
