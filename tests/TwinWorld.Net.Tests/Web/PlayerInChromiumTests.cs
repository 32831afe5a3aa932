using System.Numerics;
using Microsoft.Playwright;
using TwinWorld.TestSupport;

namespace TwinWorld.Net.Tests.Web;

/// <summary>
/// A player in Debian's Chromium against the real server: holding a key walks the avatar for as long as it is held
/// (the page sends the direction again while the key is down), and the player's own camera is on screen, its frames
/// drawn by the reference renderer (no model: quick).
/// </summary>
public sealed class PlayerInChromiumTests() : ServerInChromium("--Generation:Enabled=true", "--Generation:Model=")
{
    /// <summary>The avatar's position in metres as the page mirrors it, or null before it appears.</summary>
    private const string Avatar = "() => { const a = twin.view?.agents.find(a => a.owner === twin.clientId); return a ? [a.x, a.y].map(v => v / twin.world.positionUnitsPerMetre) : null; }";

    [Fact]
    public async Task Holding_w_for_five_seconds_walks_the_avatar_five_to_ten_metres_north_and_it_stops_on_release()
    {
        var page = await Open(LiveServer.Player);
        await page.WaitForFunctionAsync($"() => ({Avatar})() !== null", null, Patiently);
        var start = await Position(page);

        // Longer than the 1 s the simulation keeps a direction: only a page that sends it again keeps walking.
        await page.Keyboard.DownAsync("w");
        await Task.Delay(TimeSpan.FromSeconds(5));
        await page.Keyboard.UpAsync("w");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var released = await Position(page);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var later = await Position(page);

        var walked = released - start;
        Assert.True(walked.Length() is >= 5 and <= 10, $"the avatar walked {walked.Length():F1} m in 5 s from ({start.X:F1}, {start.Y:F1})");
        Assert.True(walked.Y > 0.8f * walked.Length(), $"W walks north: it went ({walked.X:F1}, {walked.Y:F1}) m");
        Assert.True(Vector2.Distance(released, later) < 0.2f, $"released, the avatar still moved {Vector2.Distance(released, later):F2} m in a second");
        await HeadlessChromium.Screenshot(page, "player-walked");
        Assert.Empty(PageErrors);
    }

    [Fact]
    public async Task The_players_own_camera_is_watched_big_and_shows_its_frames_and_v_switches_it_to_first_person()
    {
        var page = await Open(LiveServer.Player);
        await page.WaitForFunctionAsync("() => twin.ownCamera > 0", null, Patiently);
        int own = await page.EvaluateAsync<int>("() => twin.ownCamera");

        // Its panel comes first and its frames are drawn at their own size or a whole multiple of it.
        string panel = $"#frames [data-camera='{own}']";
        await page.WaitForFunctionAsync($"() => document.querySelector(\"{panel} canvas\")?.hidden === false", null, Patiently);
        Assert.Equal(own, await page.EvaluateAsync<int>("() => Number(document.querySelector('#frames .panel').dataset.camera)"));
        var size = await page.EvaluateAsync<double[]>($"() => {{ const c = document.querySelector(\"{panel} canvas\"); return [c.width, c.clientWidth]; }}");
        Assert.True(size[1] >= size[0] && size[1] % size[0] < 0.5, $"a {size[0]}-pixel frame is shown {size[1]} pixels wide");
        Assert.Matches("^(model|renderer) · [0-9]+ ticks? behind$", await page.InnerTextAsync($"{panel} .badge"));

        // V: the server turns the player's camera to first person, as the state stream says.
        const string Mode = "() => twin.view.cameras.find(c => c.cameraId === twin.ownCamera)?.mode";
        int third = await page.EvaluateAsync<int>(Mode);
        await page.Keyboard.PressAsync("v");
        await page.WaitForFunctionAsync($"() => ({Mode})() !== {third}", null, Patiently);
        Assert.Equal(3, await page.EvaluateAsync<int>(Mode)); // CAMERA_MODE_FIRST_PERSON
        await HeadlessChromium.Screenshot(page, "player-own-camera");
        Assert.Empty(PageErrors);
    }

    private static async Task<Vector2> Position(IPage page)
    {
        var at = await page.EvaluateAsync<float[]>(Avatar);
        return new Vector2(at[0], at[1]);
    }
}
