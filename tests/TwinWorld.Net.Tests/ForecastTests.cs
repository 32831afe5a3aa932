using TwinWorld.Client;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Net.Tests;

/// <summary>Analysts' live forecasts over UDP, from a server hosting a shipped scenario.</summary>
public sealed class ForecastTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly LiveServer _server = new(
        $"--World:Scenario={Path.Combine(AppContext.BaseDirectory, "Shipped", "wildfire-wui.yaml")}",
        // The fire the scenario starts at 20 s comes an hour late, so any fire before then is the forecast's.
        "--World:Parameters:shift_at=1h");

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task An_analyst_forecast_streams_the_outcome_ahead_with_its_actions_and_leaves_the_live_world_alone()
    {
        using var analyst = await _server.Join(LiveServer.Analyst, "analyst");
        long asked = analyst.Latest!.Tick;

        var samples = await analyst.ForecastAsync(60, 20, ["fire: {at: [752, 520], radius: 8, name: what-if}"], Patience).ToListAsync();

        // Samples every 20 s from the tick the live run was copied at, to 60 s ahead.
        Assert.Equal(3, samples.Count);
        float start = asked / 20f;
        Assert.All(samples.Zip(samples.Skip(1)), pair => Assert.Equal(20, pair.Second.AtSeconds - pair.First.AtSeconds, 0.1));
        Assert.InRange(samples[^1].AtSeconds - start, 59, 62);
        Assert.All(samples, s => Assert.Equal(3030u, s.Agents));
        Assert.True(samples[0].BurnedAreaM2 > 0, "the forecast's own fire burns");
        Assert.True(samples[^1].BurnedAreaM2 > samples[0].BurnedAreaM2, "and spreads");

        // The live world never saw that fire: its hazards are only the scenario's (none before its own fire).
        var live = await analyst.WaitForStateAsync(analyst.Latest!.Tick + 2);
        Assert.DoesNotContain(live.Hazards, h => h.Name == "what-if");
    }

    [Fact]
    public async Task A_forecast_with_a_bad_action_is_refused_with_the_scenario_error_and_the_analyst_carries_on()
    {
        using var analyst = await _server.Join(LiveServer.Analyst, "analyst");

        var error = await Assert.ThrowsAsync<TwinClientException>(() => analyst.ForecastAsync(30, 10, ["fire: {at: [752, 520], radius: -3}"], Patience).ToListAsync().AsTask());

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Contains("radius", error.Message);
        Assert.NotEmpty(await analyst.ForecastAsync(5, 5, timeout: Patience).ToListAsync());
    }

    [Fact]
    public async Task A_forecast_action_with_a_duration_past_100_days_is_refused_with_the_reason_not_a_failure()
    {
        using var analyst = await _server.Join(LiveServer.Analyst, "analyst");

        var error = await Assert.ThrowsAsync<TwinClientException>(() => analyst.ForecastAsync(30, 10, ["fire: {at: [752, 520], duration: 300000000h}"], Patience).ToListAsync().AsTask());

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Contains("fire duration must be at most 100 days (got '300000000h')", error.Message);
    }

    [Fact]
    public async Task An_analyst_that_has_not_joined_is_told_so_at_once_rather_than_left_waiting()
    {
        using var analyst = await _server.Connect(LiveServer.Analyst, "analyst");

        var error = await Assert.ThrowsAsync<TwinClientException>(() => analyst.ForecastAsync(30, timeout: TimeSpan.FromSeconds(30)).ToListAsync().AsTask());

        Assert.Equal(ErrorCode.NotJoined, error.Code);
    }

    [Fact]
    public async Task Forecasts_out_of_range_are_refused_before_they_start()
    {
        using var analyst = await _server.Join(LiveServer.Analyst, "analyst");

        foreach (float ahead in new[] { 0f, -5f, float.NaN, 7200f })
        {
            var error = await Assert.ThrowsAsync<TwinClientException>(() => analyst.ForecastAsync(ahead, timeout: Patience).ToListAsync().AsTask());
            Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        }
        var tooSparse = await Assert.ThrowsAsync<TwinClientException>(() => analyst.ForecastAsync(60, float.MaxValue, timeout: Patience).ToListAsync().AsTask());
        Assert.Equal(ErrorCode.InvalidArgument, tooSparse.Code);
        Assert.Contains("forecast every_seconds must be 0 to 86400 s (got 3.4028234663852886E+38)", tooSparse.Message);
        var crowded = await Assert.ThrowsAsync<TwinClientException>(() => analyst.ForecastAsync(0.5f, actions: Enumerable.Repeat("wind: {speed: 1, from: 0}", 17), timeout: Patience).ToListAsync().AsTask());
        Assert.Contains("forecast ahead_seconds must be 1 to 86400 s (got 0.5); forecast actions holds at most 16 (got 17)", crowded.Message);
    }
}
