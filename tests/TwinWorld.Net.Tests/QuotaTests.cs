using System.Diagnostics;
using System.Globalization;
using TwinWorld.Client;
using TwinWorld.Protocol.V1;
using Xunit.Abstractions;

namespace TwinWorld.Net.Tests;

/// <summary>
/// Quotas (README, "Quotas"): the hostile tester's finding repeated — huge forecasts, then analysts who leave —
/// and each quota, configured, refusing with its reason while the live world keeps its 20 Hz.
/// </summary>
public sealed class QuotaTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string Wildfire = $"--World:Scenario={Path.Combine(AppContext.BaseDirectory, "Shipped", "wildfire-wui.yaml")}";

    /// <summary>Four spawns of a million people each over an hour: what took the tester's server to 2.2 GB and 2.4 s stalls.</summary>
    private static readonly string[] MillionsOfPeople = Enumerable.Repeat("spawn: {kind: civilian, count: 1000000, area: {centre: [620, 520], radius: 200}}", 4).ToArray();

    [Fact]
    public async Task Two_analysts_asking_for_millions_of_people_are_refused_and_the_live_world_keeps_its_pace_and_memory()
    {
        await using var server = await Started(Wildfire);
        using var first = await server.Join(LiveServer.Analyst, "first");
        using var second = await server.Join(LiveServer.Analyst, "second");
        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        long tickBefore = server.Simulation.Tick;
        var clock = Stopwatch.StartNew();

        var refusals = await Task.WhenAll(new[] { first, second }.Select(analyst =>
            Assert.ThrowsAsync<TwinClientException>(() => analyst.ForecastAsync(3600, 60, MillionsOfPeople, Patience).ToListAsync().AsTask())));
        await Task.Delay(TimeSpan.FromSeconds(3));

        foreach (var refusal in refusals)
        {
            Assert.Equal(ErrorCode.InvalidArgument, refusal.Code);
            Assert.Contains("4,000,000 spawned by its actions); a forecast may hold at most 200,000", refusal.Message);
        }
        double hz = (server.Simulation.Tick - tickBefore) / clock.Elapsed.TotalSeconds;
        long grown = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        output.WriteLine($"live world at {hz:F1} ticks/s; heap grew by {grown >> 20} MB");
        // Slack for a loaded test machine: the tester saw 2.4 s stalls and 1.9 GB of growth.
        Assert.InRange(hz, 12, 25);
        Assert.InRange(grown, long.MinValue, 200L << 20);
    }

    [Fact]
    public async Task Forecasts_whose_analysts_leave_stop_within_a_second_and_free_their_places()
    {
        await using var server = await Started(Wildfire);
        var leaving = new[] { await server.Join(LiveServer.Analyst, "first"), await server.Join(LiveServer.Analyst, "second") };
        using var waiting = await server.Join(LiveServer.Analyst, "third");
        // An hour ahead of 3,030 people runs for minutes: long after its analyst has gone.
        foreach (var analyst in leaving)
        {
            _ = analyst.ForecastAsync(3600, 600, timeout: Patience).ToListAsync().AsTask().ContinueWith(_ => { }, TaskScheduler.Default);
        }
        await Until(() => Running(server) == 2);

        var full = await Assert.ThrowsAsync<TwinClientException>(() => waiting.ForecastAsync(5, 5, timeout: Patience).ToListAsync().AsTask());
        Assert.Equal(ErrorCode.NotAvailable, full.Code);
        Assert.Contains("2 forecasts are already running", full.Message);

        var clock = Stopwatch.StartNew();
        foreach (var analyst in leaving)
        {
            analyst.Dispose();
        }
        await Until(() => Running(server) == 0);
        output.WriteLine($"both forecasts stopped {clock.ElapsedMilliseconds} ms after their analysts left");
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3)); // 1 s asked; slack for a loaded machine
        Assert.NotEmpty(await waiting.ForecastAsync(5, 5, timeout: Patience).ToListAsync());
    }

    [Fact]
    public async Task One_client_runs_one_forecast_at_a_time_by_default()
    {
        await using var server = await Started(Wildfire);
        using var analyst = await server.Join(LiveServer.Analyst, "analyst");
        var longOne = analyst.ForecastAsync(3600, 600, timeout: Patience).ToListAsync().AsTask();
        await Until(() => Running(server) == 1);

        var second = await Assert.ThrowsAsync<TwinClientException>(() => analyst.ForecastAsync(5, 5, timeout: Patience).ToListAsync().AsTask());

        Assert.Equal(ErrorCode.NotAvailable, second.Code);
        Assert.Contains("you have 1 forecast running, the most a client may", second.Message);
        _ = longOne.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    [Fact]
    public async Task A_forecast_past_its_processor_time_or_horizon_is_stopped_with_the_reason()
    {
        await using var server = await Started(Wildfire, "--Forecasts:MaxProcessorSeconds=0.5", "--Forecasts:MaxAheadSeconds=1800");
        using var analyst = await server.Join(LiveServer.Analyst, "analyst");

        var tooFar = await Assert.ThrowsAsync<TwinClientException>(() => analyst.ForecastAsync(3600, 600, timeout: Patience).ToListAsync().AsTask());
        var tooLong = await Assert.ThrowsAsync<TwinClientException>(() => analyst.ForecastAsync(1800, 600, timeout: Patience).ToListAsync().AsTask());

        Assert.Equal(ErrorCode.InvalidArgument, tooFar.Code);
        Assert.Contains("a forecast may look at most 1800 s ahead (got 3600)", tooFar.Message);
        Assert.Equal(ErrorCode.InvalidArgument, tooLong.Code);
        Assert.Contains("the forecast used its 0.5 s of processor time", tooLong.Message);
        Assert.Equal(0, Running(server));
    }

    [Fact]
    public async Task Forecasts_are_refused_while_the_server_is_past_its_memory_limit_for_them()
    {
        await using var server = await Started(Wildfire, "--Forecasts:MaxHeapMB=16");
        using var analyst = await server.Join(LiveServer.Analyst, "analyst");

        var refusal = await Assert.ThrowsAsync<TwinClientException>(() => analyst.ForecastAsync(60, 20, timeout: Patience).ToListAsync().AsTask());

        Assert.Equal(ErrorCode.NotAvailable, refusal.Code);
        Assert.Contains("short of memory for forecasts (Forecasts:MaxHeapMB 16)", refusal.Message);
    }

    [Fact]
    public async Task Author_commands_and_camera_subscriptions_keep_to_their_configured_quotas()
    {
        await using var server = await Started(Wildfire, "--Network:CommandsPerSecond=0.01", "--Network:CommandBurst=2", "--Network:MaxSubscriptions=1");
        using var author = await server.Join(LiveServer.Author, "author");
        var wind = new AuthorCommand { World = new WorldCommand { Wind = new SetWind { Speed = 5, From = 90 } } };

        await author.SendCommandAsync(wind);
        await author.SendCommandAsync(wind);
        var third = await Assert.ThrowsAsync<TwinClientException>(() => author.SendCommandAsync(wind));
        author.Subscribe([.. author.Latest!.Cameras.Take(2).Select(c => c.CameraId)]);

        Assert.Equal(ErrorCode.RateLimited, third.Code);
        Assert.Contains("more than 0.01 author commands a second", third.Message);
        Assert.Contains("at most 1 cameras at once", (await SessionTests.WaitForError(author, ErrorCode.InvalidArgument)).Message);
    }

    private static async Task<LiveServer> Started(params string[] settings)
    {
        var server = new LiveServer(settings);
        await server.InitializeAsync();
        return server;
    }

    /// <summary>The server's own gauge of forecasts computing now, from /metrics as an operator sees it.</summary>
    private static int Running(LiveServer server)
    {
        using var http = new HttpClient();
        string metrics = http.GetStringAsync($"http://127.0.0.1:{server.HttpPort}/metrics").GetAwaiter().GetResult();
        string line = metrics.Split('\n').Single(l => l.StartsWith("twinworld_forecasts_running ", StringComparison.Ordinal));
        return int.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < Patience, "timed out");
            await Task.Delay(20);
        }
    }
}
