using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TwinWorld.Server.Ticking;

namespace TwinWorld.Server.Generation;

internal static class FrameServices
{
    /// <summary>The "Generation" settings and the frame service (a hosted service: fed by the tick thread).</summary>
    public static IServiceCollection AddFrames(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<GenerationOptions>(configuration, GenerationOptions.Section);
        return services.AddHostedTickListener<FrameService>();
    }
}
