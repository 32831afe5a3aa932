using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TwinWorld.Server.Ticking;

namespace TwinWorld.Server.Recording;

internal static class RecordingServices
{
    /// <summary>The "Recording" settings and the recorder (a hosted service: it opens the file before the first tick).</summary>
    public static IServiceCollection AddRecording(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<RecordingOptions>(configuration, RecordingOptions.Section);
        services.AddSingleton<IValidateOptions<RecordingOptions>, RecordingOptionsValidator>();
        return services.AddHostedTickListener<ServerRecorder>();
    }
}
