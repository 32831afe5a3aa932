using TwinWorld.Replay.Forecasts;
using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Running;

namespace TwinWorld.Replay.Tests.Forecasts;

public class LiveForecastTests
{
    private static ScenarioRun Wildfire()
    {
        var load = ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "Shipped", "wildfire-wui.yaml"));
        Assert.True(load.Succeeded);
        return new ScenarioRun(load.Scenario!, workers: 1);
    }

    /// <summary>Asks now (the request is queued before this returns) and collects the samples as they stream back.</summary>
    private static Task Ask(IAsyncEnumerable<ForecastSample> forecast, List<ForecastSample> samples)
    {
        var stream = forecast.GetAsyncEnumerator();
        var first = stream.MoveNextAsync();
        return Collect(stream, first, samples);
    }

    private static async Task Collect(IAsyncEnumerator<ForecastSample> stream, ValueTask<bool> next, List<ForecastSample> samples)
    {
        await using (stream)
        {
            while (await next)
            {
                samples.Add(stream.Current);
                next = stream.MoveNextAsync();
            }
        }
    }

    [Fact]
    public async Task A_forecast_streams_the_next_minutes_while_the_live_world_runs_on_undisturbed()
    {
        var live = Wildfire();
        var untouched = Wildfire();
        var forecasts = new LiveForecasts();
        var samples = new List<ForecastSample>();
        // "What happens in the next 3 minutes if the wind turns to blow from the west?" asked at 1 minute.
        var asked = Ask(forecasts.Forecast(TimeSpan.FromMinutes(3), ["wind: {speed: 12, from: 270}"], TimeSpan.FromSeconds(30)), samples);
        while (live.Simulation.SimulatedTime < TimeSpan.FromMinutes(2))
        {
            if (live.Simulation.SimulatedTime >= TimeSpan.FromMinutes(1))
            {
                forecasts.ServiceBetweenTicks(live);
            }
            Assert.Equal(untouched.Step()!.StateHash, live.Step()!.StateHash);
        }
        await asked.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(1, forecasts.Started);
        Assert.Equal(6, samples.Count);
        Assert.Equal(TimeSpan.FromMinutes(1.5), samples[0].At);
        Assert.Equal(TimeSpan.FromMinutes(4), samples[^1].At);
        Assert.True(samples[^1].Outcome.BurnedArea > samples[0].Outcome.BurnedArea, "the fire spreads in the forecast");
    }

    [Fact]
    public async Task A_forecast_with_a_bad_action_reports_it_and_the_live_world_goes_on()
    {
        var live = Wildfire();
        var forecasts = new LiveForecasts();
        var asked = Ask(forecasts.Forecast(TimeSpan.FromMinutes(1), ["wind: {speed: fast}"], TimeSpan.FromSeconds(30)), []);
        live.Step();
        forecasts.ServiceBetweenTicks(live);
        ulong before = live.Simulation.ComputeStateHash();

        var error = await Assert.ThrowsAsync<ForecastException>(() => asked.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("speed", error.Message);
        Assert.Equal(before, live.Simulation.ComputeStateHash());
        Assert.NotNull(live.Step());
    }
}
