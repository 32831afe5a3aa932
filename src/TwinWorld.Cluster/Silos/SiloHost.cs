using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using TwinWorld.Cluster.Forecasts;
using TwinWorld.Cluster.Runs;

namespace TwinWorld.Cluster.Silos;

/// <summary>A silo as <c>twin silo</c> runs it: sweep runs on its slots, live forecasts, what happens on the console.</summary>
public static class SiloHost
{
    public static IHost Build(SiloSettings settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Orleans' warnings and errors; the runs' and forecasts' starts and ends too, so an operator sees what a silo is doing.
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter(typeof(ScenarioRunGrain).Namespace, LogLevel.Information)
            .AddFilter(typeof(ForecastGrain).Namespace, LogLevel.Information)
            // A silo that cannot start says why in one line (twin silo); these tell the same again with stack traces, and note at each start that ServerGC is off.
            .AddFilter((category, level) => level >= LogLevel.Warning && category is not ("Orleans.Runtime.Silo" or "Orleans.Runtime.SiloLifecycleSubject" or "Microsoft.Extensions.Hosting.Internal.Host"));
        builder.UseOrleans(silo =>
        {
            if (settings.Redis is { } redis)
            {
                silo.UseRedisClustering(redis)
                    .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, settings.ClusterId))
                    // Listening on every address, advertising one that other machines reach.
                    .ConfigureEndpoints(settings.Advertise ?? OwnAddress(), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
            }
            else
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, settings.Primary, settings.ClusterId, settings.ClusterId);
            }
            silo.AddScenarioRuns(settings.RunsAtOnce, settings.OrphanAfter);
        });
        return builder.Build();
    }

    private static IPAddress OwnAddress()
        => Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
}
