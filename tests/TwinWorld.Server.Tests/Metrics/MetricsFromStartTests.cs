using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TwinWorld.Server.Ticking;

namespace TwinWorld.Server.Tests.Metrics;

public sealed class MetricsFromStartTests
{
    [Fact]
    public async Task The_first_scrape_counts_every_tick_since_start_up_not_since_the_scrape()
    {
        var host = ServerHost.Build(["--Http:Port=0", "--Network:Enabled=false", "--Generation:Enabled=false", "--World:Scenario=", "--World:Size=128", "--World:Agents=20"]);
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
            Assert.InRange(counted, before, progress.Ticks);
        }
        finally
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
    }
}
