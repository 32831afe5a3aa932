using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using TwinWorld.Net.Sessions;
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
        builder.Services.AddOptions<HttpOptions>()
            .Bind(builder.Configuration.GetSection(HttpOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // The web host builds Kestrel before the settings are checked: bind only good ones, and let
        // ConfigurationErrors report the rest before anything starts.
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((kestrel, configuration) =>
        {
            if (Listenable(configuration) is { } endpoint)
            {
                kestrel.Listen(endpoint);
            }
        });
        LoggingFormat.Apply(builder.Logging, builder.Configuration);
        builder.Services.AddOptions<LoggingOptions>()
            .Bind(builder.Configuration.GetSection(LoggingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Graceful shutdown must finish within 5 s: cap what the host waits for (HTTP connections, services) below that.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(3));
        builder.Services.AddHostedService<ReadinessDrain>();
        builder.Services.AddSingleton(services => new MeterBridge(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddSingleton<ITickListener>(services => services.GetRequiredService<ServerMetrics>());
        builder.Services.AddSingleton<TickProgress>();
        builder.Services.AddOptions<TickOptions>()
            .Bind(builder.Configuration.GetSection(TickOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<WorldOptions>()
            .Bind(builder.Configuration.GetSection(WorldOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(services => WorldFactory.Create(
            services.GetRequiredService<IOptions<WorldOptions>>().Value,
            services.GetRequiredService<IOptions<TickOptions>>().Value,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("TwinWorld.Server.World")));
        builder.Services.AddSingleton(services => services.GetRequiredService<HostedWorld>().Simulation);
        builder.Services.AddOptions<ForecastOptions>()
            .Bind(builder.Configuration.GetSection(ForecastOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ServerForecaster>();
        builder.Services.AddSingleton<IForecaster>(services => services.GetRequiredService<ServerForecaster>());
        builder.Services.AddSingleton<ITickListener>(services => services.GetRequiredService<ServerForecaster>());
        builder.Services.AddOptions<NetworkOptions>()
            .Bind(builder.Configuration.GetSection(NetworkOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<NetworkOptions>, NetworkOptionsValidator>();
        builder.Services.AddSingleton<NetworkService>();
        builder.Services.AddSingleton<ITickListener>(services => services.GetRequiredService<NetworkService>());
        builder.Services.AddOptions<RecordingOptions>()
            .Bind(builder.Configuration.GetSection(RecordingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RecordingOptions>, RecordingOptionsValidator>();
        builder.Services.AddSingleton<ServerRecorder>();
        builder.Services.AddSingleton<ITickListener>(services => services.GetRequiredService<ServerRecorder>());
        // Before the tick loop: the recorder starts before the first tick and (stopping in reverse) finishes after the last.
        builder.Services.AddHostedService(services => services.GetRequiredService<ServerRecorder>());
        builder.Services.AddOptions<GenerationOptions>()
            .Bind(builder.Configuration.GetSection(GenerationOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<FrameService>();
        builder.Services.AddSingleton<ITickListener>(services => services.GetRequiredService<FrameService>());
        // Before the tick loop too: it is fed by the tick thread, so it starts before the first tick and stops after the last.
        builder.Services.AddHostedService(services => services.GetRequiredService<FrameService>());
        builder.Services.AddHostedService<TickLoop>();
        builder.Services.AddHostedService(services => services.GetRequiredService<NetworkService>());
        var app = builder.Build();
        // Listen from the start, so totals count from start-up rather than from the first scrape.
        _ = app.Services.GetRequiredService<MeterBridge>();
        HealthEndpoints.Map(app);
        MetricsEndpoint.Map(app);
        WebViewerEndpoints.Map(app);
        app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation("Web viewer at {Url}/ (also /ws, /metrics, /healthz, /readyz)", app.Urls.First().TrimEnd('/')));
        return app;
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
