using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TwinWorld.Net.Sessions;
using TwinWorld.Server.Ticking;

namespace TwinWorld.Server.Forecasting;

internal static class ForecastServices
{
    /// <summary>The "Forecasts" quotas and the forecaster, which copies the live run between ticks.</summary>
    public static IServiceCollection AddForecasts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<ForecastOptions>(configuration, ForecastOptions.Section);
        services.AddTickListener<ServerForecaster>();
        services.AddSingleton<IForecaster>(provider => provider.GetRequiredService<ServerForecaster>());
        return services;
    }
}
