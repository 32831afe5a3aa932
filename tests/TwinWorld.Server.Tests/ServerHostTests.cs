using TwinWorld.TestSupport;
namespace TwinWorld.Server.Tests;

public class ServerHostTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Server_ticks_logs_statistics_and_stops_cleanly_on_ctrl_c()
    {
        using var server = new ServerProcess("--Tick:StatsIntervalSeconds=0.5", "--World:Size=128", "--World:Agents=50");

        Assert.True(await server.WaitForOutput("procedural town 128 x 128 cells", Patience), server.Output);
        Assert.True(await server.WaitForOutput("Hz), step mean", Patience), server.Output);
        Assert.True(await server.WaitForOutput("agents 50,", Patience), server.Output);
        Assert.True(await server.WaitForOutput("Web viewer at http://127.0.0.1:", Patience), server.Output);
        server.Interrupt();
        int exitCode = await server.WaitForExit(Patience);

        Assert.Equal(0, exitCode);
        Assert.Contains("Tick loop stopped after", server.Output);
        Assert.DoesNotContain("fail:", server.Output);
    }

    [Fact]
    public async Task Configured_tick_rate_is_used()
    {
        using var server = new ServerProcess("--Tick:RateHz=50", "--Tick:StatsIntervalSeconds=0.5", "--World:Size=128", "--World:Agents=10");

        Assert.True(await server.WaitForOutput("at 50 Hz; statistics every", Patience), server.Output);
        server.Interrupt();
        Assert.Equal(0, await server.WaitForExit(Patience));
    }

    [Fact]
    public async Task A_scenario_with_errors_stops_the_server_with_each_error_at_its_line_and_exit_code_2()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("scenario-").FullName, "broken.yaml");
        File.WriteAllText(file, "scenario: broken\nmap:\n  procedural: {size: 128}\npopulation:\n  - {kind: wizard, count: 3, area: low_ground}\n");
        using var server = new ServerProcess($"--World:Scenario={file}");

        Assert.Equal(2, await server.WaitForExit(Patience));
        Assert.Contains($"{file}:5:", server.Output);
        Assert.Contains("wizard", server.Output);
    }

    [Fact]
    public async Task A_scenario_nested_30000_deep_is_one_line_and_exit_code_2_not_a_stack_overflow()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("scenario-").FullName, "deep.yaml");
        File.WriteAllText(file, "scenario: deep\nmetrics: " + new string('[', 30_000) + new string(']', 30_000) + "\n");
        using var server = new ServerProcess($"--World:Scenario={file}");

        Assert.Equal(2, await server.WaitForExit(Patience));
        Assert.Equal($"twinworld: {file}:2:73: nested more than 64 levels deep; a scenario needs a handful", server.Output.Trim());
    }

    [Fact]
    public async Task By_default_the_server_hosts_the_shipped_live_town_and_generates_its_cameras_frames_with_the_reference_model()
    {
        using var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));
        string scenario = settings.RootElement.GetProperty("World").GetProperty("Scenario").GetString()!;
        Assert.Equal("scenarios/live-town.yaml", scenario);
        // The test's working directory has no scenarios/ folder: the path resolves beside the server.
        using var server = new ServerProcess($"--World:Scenario={scenario}");

        Assert.True(await server.WaitForOutput("Ticking scenario live-town", Patience), server.Output);
        Assert.True(await server.WaitForOutput("Generating 256 x 256 frames at 5 a second per camera with the world model reference-tile-256 on cpu", Patience), server.Output);
        Assert.True(await server.WaitForOutput("Web viewer at http://127.0.0.1:", Patience), server.Output);
        server.Interrupt();
        Assert.Equal(0, await server.WaitForExit(Patience));
    }

    [Fact]
    public async Task A_scenario_is_hosted_with_its_parameters()
    {
        string scenario = Path.Combine(AppContext.BaseDirectory, "Shipped", "tornado-town.yaml");
        using var server = new ServerProcess($"--World:Scenario={scenario}", "--World:Parameters:speed=20", "--Tick:StatsIntervalSeconds=0.5");

        Assert.True(await server.WaitForOutput("Ticking scenario tornado-town", Patience), server.Output);
        Assert.True(await server.WaitForOutput("agents 3800,", Patience), server.Output);
        server.Interrupt();
        Assert.Equal(0, await server.WaitForExit(Patience));
    }

    [Theory]
    [InlineData("--Tick:RateHz=0", "Tick:RateHz must be between 1 and 1000")]
    [InlineData("--Tick:RateHz=fast", "Tick:RateHz must be a number (got 'fast')")]
    [InlineData("--Tick:StatsIntervalSeconds=-1", "Tick:StatsIntervalSeconds must be between")]
    [InlineData("--World:Size=20", "World:Size must be between 128 and 4096")]
    [InlineData("--World:Agents=many", "World:Agents must be a whole number (got 'many')")]
    [InlineData("--Network:Port=70000", "Network:Port must be 0 to 65535")]
    [InlineData("--Network:Tokens:letmein=wizard", "Network:Tokens:letmein is 'wizard', not a role")]
    [InlineData("--Network:BindAddress=::1", "Network:BindAddress must be an IPv4 address")]
    [InlineData("--Network:BindAddressV6=127.0.0.1", "Network:BindAddressV6 must be an IPv6 address")]
    [InlineData("--Network:HelloTimeoutSeconds=0", "Network:HelloTimeoutSeconds must be 0.1 to 300 (got 0)")]
    [InlineData("--World:Scenario=/no/such/scenario.yaml", "World:Scenario: no such file: /no/such/scenario.yaml")]
    [InlineData("--Recording:Folder=recordings", "Recording:Folder needs World:Scenario")]
    [InlineData("--Http:Port=70000", "Http:Port must be 0 to 65535")]
    [InlineData("--Http:BindAddress=localhost", "Http:BindAddress must be an IP address")]
    [InlineData("--Recording:SnapshotEverySeconds=0", "Recording:SnapshotEverySeconds must be between 1 and 86400")]
    [InlineData("--Network:Interest:BudgetBytesPerTick=10", "Network:Interest:BudgetBytesPerTick must be 0 (no limit) or 256 to")]
    [InlineData("--Network:Interest:ForgetRadiusMetres=100", "Network:Interest:ForgetRadiusMetres must be at least RadiusMetres (250)")]
    [InlineData("--Network:Interest:MaxStaleTicks=0", "Network:Interest:MaxStaleTicks must be 1 to 10000")]
    [InlineData("--Network:StreamThreads=0", "Network:StreamThreads must be 1 to 1024")]
    [InlineData("--Logging:Format=xml", "Logging:Format must be simple or json")]
    [InlineData("--Tick:RateHz=NaN", "Tick:RateHz must be between 1 and 1000")]
    [InlineData("--Recording:SnapshotEverySeconds=NaN", "Recording:SnapshotEverySeconds must be between 1 and 86400")]
    [InlineData("--World:Scenario=/dev/zero", "/dev/zero: is empty, or is not a regular file (a device or a pipe)")]
    [InlineData("--Forecasts:MaxRunning=-1", "Forecasts:MaxRunning must be 0 (no forecasts) to 64")]
    [InlineData("--Forecasts:MaxProcessorSeconds=NaN", "Forecasts:MaxProcessorSeconds must be between 0.1 and 86400")]
    [InlineData("--Forecasts:MaxAgents=lots", "Forecasts:MaxAgents must be a whole number (got 'lots')")]
    [InlineData("--Forecasts:Cluster=localhost", "Forecasts:Cluster localhost: 'localhost' is not host:port with a port from 1 to 65535; give redis://host:port")]
    [InlineData("--Forecasts:Cluster=nohost.invalid:30000", "Forecasts:Cluster nohost.invalid:30000: no address found for the host 'nohost.invalid'; give")]
    [InlineData("--Network:CommandsPerSecond=0", "Network:CommandsPerSecond must be 0.01 to 1000")]
    [InlineData("--Network:MaxSubscriptions=0", "Network:MaxSubscriptions must be 1 to 1024")]
    [InlineData("--Generation:ConditioningBudgetMs=0", "Generation:ConditioningBudgetMs must be between 0.1 and 1000")]
    public async Task Bad_configuration_is_reported_plainly_with_exit_code_2(string argument, string expected)
    {
        using var server = new ServerProcess(argument);

        int exitCode = await server.WaitForExit(Patience);

        Assert.Equal(2, exitCode);
        Assert.Contains($"twinworld: {expected}", server.Output);
        Assert.DoesNotContain("DataAnnotation", server.Output);
        Assert.DoesNotContain("Unhandled exception", server.Output);
    }

    public static TheoryData<string[], string> BadScenarioSettings => new()
    {
        { ["--World:Parameters:arrival=300000000h"], "--set arrival=300000000h: the value must be at most 100 days (got '300000000h')" },
        { ["--Recording:Folder=/proc/1/nope"], "twinworld: Recording:Folder /proc/1/nope cannot be written to: " },
        { [$"--Recording:Folder={Path.Combine(AppContext.BaseDirectory, "appsettings.json")}"], "is a file, not a folder." },
    };

    [Theory]
    [MemberData(nameof(BadScenarioSettings))]
    public async Task Bad_settings_for_a_hosted_scenario_are_reported_plainly_with_exit_code_2(string[] arguments, string expected)
    {
        using var server = new ServerProcess([$"--World:Scenario={Path.Combine(AppContext.BaseDirectory, "Shipped", "coastal-tsunami.yaml")}", .. arguments]);

        Assert.Equal(2, await server.WaitForExit(Patience));
        Assert.Contains(expected, server.Output);
        Assert.DoesNotContain("Exception", server.Output);
    }

    [Theory]
    [InlineData("0.0.0.0", "127.0.0.1", true)]
    [InlineData("127.0.0.1", "0.0.0.0", true)]
    [InlineData("127.0.0.1", "127.0.0.1", false)]
    public async Task The_public_dev_tokens_on_an_address_beyond_loopback_get_a_loud_warning_at_start(string udp, string http, bool warned)
    {
        using var server = new ServerProcess("--World:Size=128", "--World:Agents=10", $"--Network:BindAddress={udp}", $"--Http:BindAddress={http}");

        Assert.True(await server.WaitForOutput("Web viewer at http://", Patience), server.Output);
        server.Interrupt();
        Assert.Equal(0, await server.WaitForExit(Patience));
        Assert.Equal(warned, server.Output.Contains("SECURITY: listening beyond this machine", StringComparison.Ordinal));
        if (warned)
        {
            Assert.Contains("public development tokens dev-admin, dev-analyst, dev-author, dev-player, dev-viewer configured", server.Output);
        }
    }

    [Fact]
    public async Task An_http_port_in_use_is_one_line_and_exit_code_2_before_the_world_loads()
    {
        using var other = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        other.Start();
        int port = ((System.Net.IPEndPoint)other.LocalEndpoint).Port;
        using var server = new ServerProcess($"--Http:Port={port}");

        Assert.Equal(2, await server.WaitForExit(Patience));
        Assert.Equal($"twinworld: Http:Port {port} on 127.0.0.1 is in use (is another server running?); stop it or choose another with --Http:Port=N.", server.Output.Trim());
    }
}
