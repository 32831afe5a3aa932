using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TwinWorld.Server.Http;

internal static class HttpServices
{
    /// <summary>The "Http" settings, Kestrel's endpoint from them, and /readyz's drain before the listener closes.</summary>
    public static IServiceCollection AddHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<HttpOptions>(configuration, HttpOptions.Section);
        // The web host builds Kestrel before the settings are checked: bind only good ones, and let
        // ServerHost.ConfigurationErrors report the rest before anything starts.
        services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((kestrel, configured) =>
        {
            if (Listenable(configured) is { } endpoint)
            {
                kestrel.Listen(endpoint);
            }
        });
        services.AddHostedService<ReadinessDrain>();
        return services;
    }

    private static IPEndPoint? Listenable(IConfiguration configuration)
    {
        try
        {
            var http = configuration.GetSection(HttpOptions.Section).Get<HttpOptions>() ?? new HttpOptions();
            return IPAddress.TryParse(http.BindAddress, out var address) && http.Port is >= 0 and <= 65535 ? new IPEndPoint(address, http.Port) : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
