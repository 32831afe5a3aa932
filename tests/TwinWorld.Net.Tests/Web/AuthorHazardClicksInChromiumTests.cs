using System.Numerics;
using Microsoft.Playwright;

namespace TwinWorld.Net.Tests.Web;

/// <summary>
/// The author's event panel's other two hazards, clicked on the map in Debian's Chromium: a tsunami from the
/// clicked side and a tornado from the clicked point towards the centre (the fire is in <see cref="WebViewerInChromiumTests"/>).
/// </summary>
public sealed class AuthorHazardClicksInChromiumTests : ServerInChromium
{
    [Fact]
    public async Task A_clicked_tsunami_comes_in_and_a_clicked_tornado_sets_off_from_the_click_towards_the_centre()
    {
        var page = await Open(LiveServer.Author);
        await page.WaitForFunctionAsync("() => twin.role === 'author' && twin.agents > 0", null, Patiently);
        var terrain = Server.Simulation.Site.Terrain;
        var size = new Vector2(terrain.WidthMetres, terrain.HeightMetres);

        // The procedural town's sea is to the west: a click there sends a wave from the west, which the server accepts.
        await page.CheckAsync("input[name=hazard][value=tsunami]");
        await Click(page, size, new Vector2(0.1f, 0.5f) * size);
        await page.WaitForFunctionAsync("() => twin.hazards.some(h => h.kind === 'tsunami' && !h.stopped)", null, Patiently);

        var from = new Vector2(0.2f, 0.8f) * size;
        await page.CheckAsync("input[name=hazard][value=tornado]");
        await Click(page, size, from);
        // Where the tornado stands, in metres, as the page mirrors it (null until it appears).
        const string Tornado = "() => { const h = twin.hazards.find(h => h.kind === 'tornado'); const u = twin.world.positionUnitsPerMetre; return h ? [h.x / u, h.y / u] : null; }";
        await page.WaitForFunctionAsync($"() => ({Tornado})() !== null", null, Patiently);
        var first = await page.EvaluateAsync<float[]>(Tornado);
        // On its track from the click to the centre (however far along it the page first saw it), then further along.
        var centre = size / 2;
        var at = new Vector2(first[0], first[1]);
        float along = Vector2.Dot(at - from, Vector2.Normalize(centre - from));
        float off = Vector2.Distance(at, from + (Vector2.Normalize(centre - from) * along));
        Assert.True(off < 10 && along > -10, $"the tornado at ({at.X:F0}, {at.Y:F0}) m is on its track from ({from.X:F0}, {from.Y:F0}) to the centre ({off:F1} m off it, {along:F0} m along)");
        float startDistance = Vector2.Distance(at, centre);
        await page.WaitForFunctionAsync($"() => {{ const [x, y] = ({Tornado})(); return Math.hypot(x - {centre.X}, y - {centre.Y}) < {startDistance} - 20; }}", null, Patiently);

        string log = await page.InnerTextAsync("#log");
        Assert.Contains("asked for tsunami", log);
        Assert.Contains("asked for tornado", log);
        Assert.DoesNotContain("error", log);
        Assert.Empty(PageErrors);
    }

    /// <summary>Clicks the map at a point in metres (the map is north up: y grows upwards).</summary>
    private static async Task Click(IPage page, Vector2 size, Vector2 at)
    {
        var box = (await page.Locator("#map").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + (at.X / size.X * box.Width), box.Y + ((1 - (at.Y / size.Y)) * box.Height));
    }
}
