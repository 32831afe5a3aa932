using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TwinWorld.Cluster.Forecasts;
using TwinWorld.Cluster.Runs;
using TwinWorld.Cluster.Sweeps;
using TwinWorld.Net.Sessions;
using TwinWorld.Replay.Forecasts;
using TwinWorld.Server.Ticking;
using TwinWorld.Server.World;

namespace TwinWorld.Server.Forecasting;

internal static class ForecastServices
{
    /// <summary>The "Forecasts" settings, where forecasts run, and the forecaster, which copies the live run between ticks.</summary>
    public static IServiceCollection AddForecasts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<ForecastOptions>(configuration, ForecastOptions.Section);
        services.AddSingleton<IValidateOptions<ForecastOptions>, ForecastOptionsValidator>();
        services.AddSingleton(Runner);
        services.AddTickListener<ServerForecaster>();
        services.AddSingleton<IForecaster>(provider => provider.GetRequiredService<ServerForecaster>());
        return services;
    }

    /// <summary>On this server's cores, or with Forecasts:Cluster on the cluster's silos, which rebuild the hosted scenario from its text.</summary>
    private static IForecastRunner Runner(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<ForecastOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.Cluster) || provider.GetRequiredService<HostedWorld>().Run is not { } run)
        {
            return new LocalForecastRunner(options.Limits);
        }
        // Checked at start (ForecastOptionsValidator).
        var address = ClusterAddress.Parse(options.Cluster, out _)!;
        var scenario = run.Scenario;
        var parameters = provider.GetRequiredService<IOptions<WorldOptions>>().Value.Parameters;
        var source = new ScenarioSource(File.ReadAllText(scenario.File), scenario.File, new Dictionary<string, string>(parameters), scenario.Seed);
        provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServerForecaster)).LogInformation(
            "Forecasts run on the cluster '{ClusterId}' at {Address}, not on this server's cores", options.ClusterId, address);
        return new ClusterForecastRunner(address, options.ClusterId, source, options.Limits);
    }
}
