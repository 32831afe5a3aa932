using System.Numerics;
using Microsoft.Playwright;
using TwinWorld.Protocol.V1;
using TwinWorld.TestSupport;

namespace TwinWorld.Net.Tests.Web;

/// <summary>
/// An author in Debian's Chromium against the real server: a clicked fire shows on the map and in a camera's frame
/// within two seconds, and a tornado dragged across the map runs along the drawn track and leaves the map when it ends.
/// </summary>
public sealed class AuthorOnTheMapInChromiumTests() : ServerInChromium("--Generation:Enabled=true", "--Generation:Model=")
{
    /// <summary>Pixels of flame (bright red to yellow, the reference renderer's fire) in a camera's panel.</summary>
    private const string Flames = """
        (id) => {
          const canvas = document.querySelector(`#frames [data-camera='${id}'] canvas`);
          if (!canvas || canvas.hidden) return -1;
          const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          let flames = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i] > 200 && data[i] > data[i + 1] && data[i + 2] < 100) flames++;
          return flames;
        }
        """;

    [Fact]
    public async Task A_clicked_fire_is_on_the_map_and_in_a_frame_within_two_seconds()
    {
        var at = Server.BurnableCellNearCentre();
        Server.Simulation.Inputs.Enqueue(PlacedCameras.Place(0, "over the fire", new Vector3(at, 40), 0, -90, 128, 128, PlacedCameraMode.Overhead));
        var page = await OpenAsAuthor();
        // The camera over the fire's spot, ticked in the picker (the page may watch another first).
        string placed = $"twin.view?.cameras.find(c => Math.abs(c.x / twin.world.positionUnitsPerMetre - {at.X}) < 1 && Math.abs(c.z / twin.world.positionUnitsPerMetre - 40) < 1)";
        await page.WaitForFunctionAsync($"() => {placed} !== undefined", null, Patiently);
        int camera = await page.EvaluateAsync<int>($"() => {placed}.cameraId");
        await page.CheckAsync($"#camera-picker input[value='{camera}']");
        await page.WaitForFunctionAsync($"() => ({Flames})({camera}) >= 0", null, Patiently);
        int before = await page.EvaluateAsync<int>(Flames, camera);

        await page.CheckAsync("input[name=hazard][value=fire]");
        await page.EvaluateAsync("() => window.clickedAt = performance.now()");
        await ClickMap(page, at);
        // When the page first showed it: burning cells on the map, and flames in the camera's frame.
        var shown = await page.WaitForFunctionAsync($$"""
            () => {
              if (twin.burning > 0) window.onMapAt ??= performance.now();
              if (({{Flames}})({{camera}}) >= {{before}} + 20) window.inFrameAt ??= performance.now();
              return window.onMapAt && window.inFrameAt ? [window.onMapAt - window.clickedAt, window.inFrameAt - window.clickedAt] : null;
            }
            """, null, Patiently);
        var seconds = (await shown.JsonValueAsync<double[]>()).Select(ms => ms / 1000).ToArray();

        Assert.True(seconds[0] <= 2, $"the fire showed on the map {seconds[0]:F1} s after the click");
        Assert.True(seconds[1] <= 2, $"the fire showed in the camera's frame {seconds[1]:F1} s after the click");
        await HeadlessChromium.Screenshot(page, "author-fire");
        Assert.Empty(PageErrors);
    }

    [Fact]
    public async Task A_tornado_dragged_on_the_map_runs_along_its_track_and_leaves_the_map_when_it_ends()
    {
        var page = await OpenAsAuthor();
        var size = new Vector2(Server.Simulation.Site.Terrain.WidthMetres, Server.Simulation.Site.Terrain.HeightMetres);
        Vector2 from = new Vector2(0.3f, 0.3f) * size, to = new Vector2(0.6f, 0.45f) * size;
        await page.CheckAsync("input[name=hazard][value=tornado]");
        var start = await MapPoint(page, from);
        await page.Mouse.MoveAsync((float)start.X, (float)start.Y);
        await page.Mouse.DownAsync();
        var end = await MapPoint(page, to);
        await page.Mouse.MoveAsync((float)end.X, (float)end.Y, new() { Steps = 8 });
        await page.Mouse.UpAsync();

        // Where the tornado is in metres while it runs; null once it has ended (stopped or gone).
        const string Tornado = "() => { const h = twin.hazards.find(h => h.kind === 'tornado' && !h.stopped); const u = twin.world.positionUnitsPerMetre; return h ? [h.x / u, h.y / u] : null; }";
        await page.WaitForFunctionAsync($"() => ({Tornado})() !== null", null, Patiently);
        var track = Vector2.Normalize(to - from);
        var first = await Position(page, Tornado);
        await HeadlessChromium.Screenshot(page, "author-tornado");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var second = await Position(page, Tornado) ?? to;
        foreach (var p in new[] { first!.Value, second })
        {
            float along = Vector2.Dot(p - from, track);
            float off = Vector2.Distance(p, from + (track * along));
            Assert.True(off < 10 && along > -10, $"the tornado at ({p.X:F0}, {p.Y:F0}) m is on the dragged track ({off:F1} m off it, {along:F0} m along)");
        }
        Assert.True(Vector2.Dot(second - first.Value, track) > 10, $"the tornado moved along its track: from {first} to {second}");

        // At the track's end it lifts: the page drops it, and no tornado ring is left drawn where it was.
        await page.WaitForFunctionAsync($"() => ({Tornado})() === null", null, Patiently);
        var ringAt = await MapPoint(page, to);
        int ringPixels = await page.EvaluateAsync<int>("""
            ([x, y]) => {
              const canvas = document.getElementById('map'), box = canvas.getBoundingClientRect();
              const cx = (x - box.left) * canvas.width / box.width, cy = (y - box.top) * canvas.height / box.height;
              const pixels = canvas.getContext('2d').getImageData(cx - 30, cy - 30, 60, 60).data;
              let ring = 0;
              for (let i = 0; i < pixels.length; i += 4) if (pixels[i] === 0xc0 && pixels[i + 1] === 0x40 && pixels[i + 2] === 0xff) ring++;
              return ring;
            }
            """, new[] { ringAt.X, ringAt.Y });
        Assert.Equal(0, ringPixels);
        Assert.Contains("asked for tornado", await page.InnerTextAsync("#log"));
        Assert.Empty(PageErrors);
    }

    private async Task<IPage> OpenAsAuthor()
    {
        var page = await Open(LiveServer.Author);
        await page.WaitForFunctionAsync("() => twin.role === 'author' && twin.agents > 0", null, Patiently);
        return page;
    }

    /// <summary>A point in metres as a point on the page (the map is north up: y grows upwards).</summary>
    private async Task<(double X, double Y)> MapPoint(IPage page, Vector2 at)
    {
        var box = (await page.Locator("#map").BoundingBoxAsync())!;
        var terrain = Server.Simulation.Site.Terrain;
        return (box.X + (at.X / terrain.WidthMetres * box.Width), box.Y + ((1 - (at.Y / terrain.HeightMetres)) * box.Height));
    }

    private async Task ClickMap(IPage page, Vector2 at)
    {
        var (x, y) = await MapPoint(page, at);
        await page.Mouse.ClickAsync((float)x, (float)y);
    }

    private static async Task<Vector2?> Position(IPage page, string expression)
    {
        var at = await page.EvaluateAsync<float[]?>(expression);
        return at is null ? null : new Vector2(at[0], at[1]);
    }
}
