using System.Net;
using System.Text.RegularExpressions;
using TwinWorld.TestSupport;

namespace TwinWorld.Server.Tests.Operations;

/// <summary>While the server stops, /readyz says so (503) until the listener closes, rather than going from 200 to a refused connection.</summary>
public sealed partial class ReadinessDrainTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Readyz_answers_503_shutting_down_from_the_moment_stopping_starts_until_the_listener_closes()
    {
        using var server = new ServerProcess("--World:Size=128", "--World:Agents=10", "--Network:BindAddress=127.0.0.1");
        Assert.True(await server.WaitForOutput("Web viewer at http://127.0.0.1:", Patience), server.Output);
        using var http = new HttpClient { BaseAddress = new Uri(WebViewer().Match(server.Output).Groups[1].Value), Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + Patience;
        while ((await http.GetAsync("/readyz")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        server.Terminate();
        var answers = new List<string>();
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync("/readyz");
                answers.Add($"{(int)response.StatusCode} {(await response.Content.ReadAsStringAsync()).Trim()}");
            }
            catch (HttpRequestException)
            {
                break; // The listener has closed.
            }
            await Task.Delay(20);
        }

        // Before the signal lands a probe may still see 200; from the first 503 on, every answer is 503 until none comes.
        var sinceStopping = answers.SkipWhile(a => a.StartsWith("200", StringComparison.Ordinal)).ToList();
        Assert.True(sinceStopping.Count >= 3, string.Join("; ", answers));
        Assert.All(sinceStopping, a => Assert.Equal("503 shutting down", a));
        Assert.Equal(0, await server.WaitForExit(Patience));
    }

    [GeneratedRegex(@"Web viewer at (http://127\.0\.0\.1:\d+)/")]
    private static partial Regex WebViewer();
}
