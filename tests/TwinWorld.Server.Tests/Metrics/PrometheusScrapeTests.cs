using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace TwinWorld.Server.Tests.Metrics;

/// <summary>A real Prometheus server (Debian's <c>prometheus</c>, installed by tools/setup.sh) scrapes the in-process server's /metrics.</summary>
public sealed class PrometheusScrapeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task Prometheus_scrapes_metrics_and_answers_a_query_for_the_tick_count()
    {
        string binary = new[] { "/usr/bin/prometheus", "/usr/local/bin/prometheus" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("prometheus is not installed; run tools/setup.sh");
        var host = ServerHost.Build(["--Http:Port=0", "--Network:Enabled=false", "--World:Scenario=", "--World:Size=128", "--World:Agents=50", "--Tick:StatsIntervalSeconds=60"]);
        await host.StartAsync();
        string folder = Directory.CreateTempSubdirectory("prometheus-").FullName;
        int port = FreeTcpPort();
        string config = Path.Combine(folder, "prometheus.yml");
        File.WriteAllText(config, $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: twinworld
                static_configs:
                  - targets: ['127.0.0.1:{ServerHost.HttpPort(host)}']
            """);
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(folder, "data")}", $"--web.listen-address=127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }
        using var prometheus = Process.Start(start)!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        prometheus.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        prometheus.BeginErrorReadLine();
        prometheus.BeginOutputReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            var waited = Stopwatch.StartNew();
            double? ticks = null, up = null;
            while (waited.Elapsed < Patience && ticks is not > 0)
            {
                await Task.Delay(500);
                up = await Query(http, "up{job=\"twinworld\"}");
                ticks = await Query(http, "twinworld_tick_duration_ms_count");
            }

            Assert.True(up == 1, $"the scrape failed (up = {up}); Prometheus said:\n{string.Join('\n', log)}");
            Assert.True(ticks > 0, $"no tick count after {Patience.TotalSeconds} s; Prometheus said:\n{string.Join('\n', log)}");
            Assert.True(await Query(http, "twinworld_world_agents") == 50);
        }
        finally
        {
            prometheus.Kill();
            await prometheus.WaitForExitAsync();
            await host.StopAsync();
            await host.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The first sample's value of an instant query, or null while Prometheus is starting or has no data.</summary>
    private static async Task<double?> Query(HttpClient http, string query)
    {
        try
        {
            using var document = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/query?query={Uri.EscapeDataString(query)}"));
            var result = document.RootElement.GetProperty("data").GetProperty("result");
            return result.GetArrayLength() == 0 ? null : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
