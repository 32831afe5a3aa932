using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TwinWorld.Server.Ticking;

namespace TwinWorld.Server.Metrics;

internal static class MetricsServices
{
    /// <summary>/metrics' bridge into prometheus-net and the tick loop's own instruments.</summary>
    public static IServiceCollection AddMetricsEndpoint(this IServiceCollection services)
    {
        services.AddSingleton(provider => new MeterBridge(provider.GetRequiredService<IMeterFactory>()));
        return services.AddTickListener<ServerMetrics>();
    }
}
