using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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

    /// <summary>A singleton the tick loop tells of each tick.</summary>
    public static IServiceCollection AddTickListener<T>(this IServiceCollection services)
        where T : class, ITickListener
    {
        services.AddSingleton<T>();
        services.AddSingleton<ITickListener>(provider => provider.GetRequiredService<T>());
        return services;
    }

    /// <summary>A tick listener that is also a hosted service, started where it is added (see ServerHost.Build).</summary>
    public static IServiceCollection AddHostedTickListener<T>(this IServiceCollection services)
        where T : class, ITickListener, IHostedService
        => services.AddTickListener<T>().AddHostedService(provider => provider.GetRequiredService<T>());
}
