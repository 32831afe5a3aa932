using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using TwinWorld.Server.Forecasting;
using TwinWorld.Server.Generation;
using TwinWorld.Server.Http;
using TwinWorld.Server.Logging;
using TwinWorld.Server.Metrics;
using TwinWorld.Server.Networking;
using TwinWorld.Server.Recording;
using TwinWorld.Server.Ticking;
using TwinWorld.Server.Web;
using TwinWorld.Server.World;

namespace TwinWorld.Server;

/// <summary>
/// Builds and runs the server: a web host (Kestrel for HTTP: health, and later metrics and the web viewer)
/// around the tick loop and networking. Configuration: appsettings.json, TWINWORLD_ variables, --Section:Key=value.
/// </summary>
public static class ServerHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables("TWINWORLD_");
        var configuration = builder.Configuration;
        LoggingFormat.Apply(builder.Logging, configuration);
        builder.Services.AddSettings<LoggingOptions>(configuration, LoggingOptions.Section);
        // Graceful shutdown must finish within 5 s: cap what the host waits for (HTTP connections, services) below that.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(3));
        // Hosted services start in this order and stop in reverse (ServerCompositionTests checks it): the recorder
        // and the frame service are fed by the tick thread, so they start before the first tick and stop after
        // the last; the network opens its ports once the world ticks, and closes them first. Tick listeners run
        // in their TickStage order, whatever the order here.
        builder.Services
            .AddHttp(configuration)
            .AddMetricsEndpoint()
            .AddWorld(configuration)
            .AddForecasts(configuration)
            .AddRecording(configuration)
            .AddFrames(configuration)
            .AddTickLoop()
            .AddNetworking(configuration);
        var app = builder.Build();
        // Listen from the start, so totals count from start-up rather than from the first scrape.
        _ = app.Services.GetRequiredService<MeterBridge>();
        HealthEndpoints.Map(app);
        MetricsEndpoint.Map(app);
        WebViewerEndpoints.Map(app);
        app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation("Web viewer at {Url}/ (also /ws, /metrics, /healthz, /readyz)", app.Urls.First().TrimEnd('/')));
        return app;
    }

    /// <summary>The HTTP port the server listens on, once started (Http:Port=0 takes any free one).</summary>
    public static int HttpPort(WebApplication app) => new Uri(app.Urls.First()).Port;

    /// <summary>Runs until Ctrl+C or SIGTERM. Exit codes: 0 clean stop, 1 a tick failed, 2 bad configuration.</summary>
    public static int Run(string[] args)
    {
        using var host = Build(args);
        var errors = ConfigurationErrors(host);
        if (errors.Count > 0)
        {
            // One line for one problem; a list for several (a scenario's errors).
            Console.Error.WriteLine(errors.Count == 1 ? $"twinworld: {errors[0]}" : "twinworld: invalid configuration:");
            foreach (var error in errors.Count == 1 ? [] : errors)
            {
                Console.Error.WriteLine($"  {error}");
            }
            return 2;
        }
        try
        {
            host.Run();
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM while starting: a clean stop, not a crash.
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse or SocketError.AccessDenied } taken)
        {
            // Taken between the check and the start: still one line, not a stack trace.
            Console.Error.WriteLine($"twinworld: {ConfigurationMessages.PortTaken(host.Services.GetRequiredService<IOptions<HttpOptions>>().Value, taken.SocketErrorCode)}");
            return 2;
        }
        return Environment.ExitCode;
    }

    /// <summary>
    /// Reads every options section once and checks that the HTTP port is free, so bad settings are reported plainly
    /// before anything starts (and before the world and the model take their time to load), then loads the world.
    /// </summary>
    private static IReadOnlyList<string> ConfigurationErrors(IHost host)
    {
        try
        {
            _ = host.Services.GetRequiredService<IOptions<TickOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<WorldOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<NetworkOptions>>().Value;
            var http = host.Services.GetRequiredService<IOptions<HttpOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<GenerationOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<RecordingOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<ForecastOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<LoggingOptions>>().Value;
            if (PortTaken(http) is { } taken)
            {
                return [taken];
            }
            _ = host.Services.GetRequiredService<HostedWorld>();
            return [];
        }
        catch (WorldConfigurationException e)
        {
            return e.Errors;
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures.Select(ConfigurationMessages.Plain)];
        }
        catch (InvalidOperationException e)
        {
            // The binder's error for a value that does not convert, e.g. "Tick:RateHz=fast".
            return [ConfigurationMessages.Plain(e.Message)];
        }
    }

    /// <summary>Why the HTTP port cannot be had (another server has it), or null; tried by binding it for a moment.</summary>
    private static string? PortTaken(HttpOptions http)
    {
        if (http.Port == 0 || !IPAddress.TryParse(http.BindAddress, out var address))
        {
            return null;
        }
        var probe = new TcpListener(address, http.Port);
        try
        {
            probe.Start();
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return ConfigurationMessages.PortTaken(http, e.SocketErrorCode);
        }
        finally
        {
            probe.Stop();
        }
    }
}
