using System.Net;

namespace TwinWorld.Net.Tests;

/// <summary>The orchestrator probes, over real HTTP on loopback.</summary>
public sealed class HealthEndpointTests(LiveServer server) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task A_ticking_listening_server_is_healthy_and_ready()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.HttpPort}") };
        await server.Join(LiveServer.Viewer, "probe");

        foreach (string path in new[] { "/healthz", "/readyz" })
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("ok\n", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/nothing-here")).StatusCode);
    }
}
