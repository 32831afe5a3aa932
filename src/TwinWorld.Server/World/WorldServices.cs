using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TwinWorld.Server.Ticking;

namespace TwinWorld.Server.World;

internal static class WorldServices
{
    /// <summary>The "World" and "Tick" settings, the hosted world and its simulation.</summary>
    public static IServiceCollection AddWorld(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<TickOptions>(configuration, TickOptions.Section);
        services.AddSettings<WorldOptions>(configuration, WorldOptions.Section);
        services.AddSingleton(provider => WorldFactory.Create(
            provider.GetRequiredService<IOptions<WorldOptions>>().Value,
            provider.GetRequiredService<IOptions<TickOptions>>().Value,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("TwinWorld.Server.World")));
        services.AddSingleton(provider => provider.GetRequiredService<HostedWorld>().Simulation);
        return services;
    }
}
