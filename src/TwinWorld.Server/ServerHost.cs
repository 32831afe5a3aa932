using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using TwinWorld.Net.Sessions;
using TwinWorld.Server.Forecasting;
using TwinWorld.Server.Networking;
using TwinWorld.Server.Ticking;
using TwinWorld.Server.World;

namespace TwinWorld.Server;

/// <summary>Builds and runs the server's Generic Host. Configuration: appsettings.json, TWINWORLD_ variables, --Section:Key=value.</summary>
public static class ServerHost
{
    public static IHost Build(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables("TWINWORLD_");
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
        builder.Services.AddSingleton<ServerForecaster>();
        builder.Services.AddSingleton<IForecaster>(services => services.GetRequiredService<ServerForecaster>());
        builder.Services.AddSingleton<ITickListener>(services => services.GetRequiredService<ServerForecaster>());
        builder.Services.AddOptions<NetworkOptions>()
            .Bind(builder.Configuration.GetSection(NetworkOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<NetworkOptions>, NetworkOptionsValidator>();
        builder.Services.AddSingleton<NetworkService>();
        builder.Services.AddSingleton<ITickListener>(services => services.GetRequiredService<NetworkService>());
        builder.Services.AddHostedService<TickLoop>();
        builder.Services.AddHostedService(services => services.GetRequiredService<NetworkService>());
        return builder.Build();
    }

    /// <summary>Runs until Ctrl+C or SIGTERM. Exit codes: 0 clean stop, 1 a tick failed, 2 bad configuration.</summary>
    public static int Run(string[] args)
    {
        using var host = Build(args);
        var errors = ConfigurationErrors(host);
        if (errors.Count > 0)
        {
            Console.Error.WriteLine("twinworld: invalid configuration:");
            foreach (var error in errors)
            {
                Console.Error.WriteLine($"  {error}");
            }
            return 2;
        }
        host.Run();
        return Environment.ExitCode;
    }

    /// <summary>Reads every options section once, so bad settings are reported plainly before anything starts.</summary>
    private static IReadOnlyList<string> ConfigurationErrors(IHost host)
    {
        try
        {
            _ = host.Services.GetRequiredService<IOptions<TickOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<WorldOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<NetworkOptions>>().Value;
            _ = host.Services.GetRequiredService<HostedWorld>();
            return [];
        }
        catch (WorldConfigurationException e)
        {
            return e.Errors;
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }
        catch (InvalidOperationException e)
        {
            // The binder's error for a value that does not convert, e.g. "Tick:RateHz=fast".
            return [e.Message];
        }
    }
}
