using System.Globalization;
using TwinWorld.TestSupport;

namespace TwinWorld.Net.Tests.Web;

/// <summary>
/// An author types actions as in a scenario file into the page's command line, against a real server hosting a
/// scenario: a typo comes back beside the line with the validator's words, a good action is queued and burns.
/// </summary>
public sealed class AuthorCommandLineInChromiumTests() : ServerInChromium($"--World:Scenario={SmallTown}")
{
    /// <summary>A small scenario with nothing scripted, for the server to host.</summary>
    private static readonly string SmallTown = Write("""
        scenario: typed-actions
        seed: 1
        map:
          procedural: {size: 128, seed: 7}
        population:
          - {kind: civilian, count: 200, area: low_ground}
        end:
          after: 24h
        """);

    [Fact]
    public async Task A_typed_action_is_checked_like_a_scenario_line_and_a_good_one_burns()
    {
        var page = await Open(LiveServer.Author);
        await page.WaitForFunctionAsync("() => twin.role === 'author' && twin.agents > 0", null, Patiently);
        var at = Server.BurnableCellNearCentre();
        string point = string.Create(CultureInfo.InvariantCulture, $"[{at.X:F0}, {at.Y:F0}]");

        await page.FillAsync("#action-text", $"fir: {{at: {point}}}");
        await page.ClickAsync("#action button");
        await page.WaitForFunctionAsync("() => document.querySelector('#action-status').classList.contains('error')", null, Patiently);
        string refusal = await page.InnerTextAsync("#action-status");
        Assert.Contains("live:1:1", refusal);
        Assert.Contains("did you mean 'fire'", refusal);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => twin.hazards.length"));

        await page.FillAsync("#action-text", $"fire: {{at: {point}, radius: 5, name: typed}}");
        await page.ClickAsync("#action button");
        await page.WaitForFunctionAsync("() => twin.burning > 0 && twin.hazards.some(h => h.name === 'typed' && h.kind === 'fire')", null, Patiently);
        Assert.StartsWith("queued for tick", await page.InnerTextAsync("#action-status"));
        Assert.False(await page.EvaluateAsync<bool>("() => document.querySelector('#action-status').classList.contains('error')"));
        await HeadlessChromium.Screenshot(page, "author-command-line");
        Assert.Empty(PageErrors);
    }

    private static string Write(string yaml)
    {
        string path = Path.Combine(Path.GetTempPath(), $"twinworld-typed-actions-{Environment.ProcessId}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
