using Microsoft.Extensions.DependencyInjection;

namespace TwinWorld.Server.Ticking;

internal static class TickServices
{
    /// <summary>The tick loop, which tells every <see cref="ITickListener"/> of each tick, in <see cref="TickStage"/> order.</summary>
    public static IServiceCollection AddTickLoop(this IServiceCollection services)
    {
        services.AddSingleton<TickProgress>();
        services.AddHostedService<TickLoop>();
        return services;
    }
}
