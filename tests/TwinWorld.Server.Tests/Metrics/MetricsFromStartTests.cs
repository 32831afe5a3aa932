using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TwinWorld.Server.Ticking;

namespace TwinWorld.Server.Tests.Metrics;

public sealed class MetricsFromStartTests
{
    /// <remarks>
    /// A catch-up limit of 50 ms makes a skip likely (the first tick's JIT alone can take longer on a busy
    /// machine): the loop's count is then of steps run, not of schedule slots, which run ahead after a skip.
    /// </remarks>
    [Fact]
    public async Task The_first_scrape_counts_every_tick_since_start_up_not_since_the_scrape()
    {
        var host = ServerHost.Build(["--Http:Port=0", "--Network:Enabled=false", "--Generation:Enabled=false", "--World:Scenario=", "--World:Size=128", "--World:Agents=20",
            "--Tick:MaxCatchUpSeconds=0.05"]);
        await host.StartAsync();
        try
        {
            var progress = host.Services.GetRequiredService<TickProgress>();
            while (progress.Ticks < 30)
            {
                await Task.Delay(50);
            }
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ServerHost.HttpPort(host)}") };
            long before = progress.Ticks;

            string text = await http.GetStringAsync("/metrics");

            long counted = long.Parse(Regex.Match(text, @"^twinworld_tick_duration_ms_count (\d+)$", RegexOptions.Multiline).Groups[1].Value);
            // The tick in flight may already be counted as run but not yet recorded.
            Assert.InRange(counted, before - 1, progress.Ticks);
        }
        finally
        {
            await host.StopAsync();
        }
        Assert.Equal(host.Services.GetRequiredService<Simulation.Simulator>().Tick, host.Services.GetRequiredService<TickProgress>().Ticks);
        await host.DisposeAsync();
    }
}
