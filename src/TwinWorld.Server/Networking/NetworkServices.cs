using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TwinWorld.Server.Ticking;

namespace TwinWorld.Server.Networking;

internal static class NetworkServices
{
    /// <summary>The "Network" settings and the network service (a hosted service: it opens the ports).</summary>
    public static IServiceCollection AddNetworking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NetworkOptions>().Bind(configuration.GetSection(NetworkOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NetworkOptions>, NetworkOptionsValidator>();
        return services.AddHostedTickListener<NetworkService>();
    }
}
