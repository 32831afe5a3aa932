using System.Numerics;
using Microsoft.Playwright;
using TwinWorld.Net.Frames;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Simulation.Inputs;

namespace TwinWorld.Net.Tests.Web;

/// <summary>
/// The web viewer as a person uses it: the real server in process, its page opened in Debian's Chromium
/// (driven by Playwright) with an author's token, frames on screen, and a fire started by a click on the map.
/// </summary>
public sealed class WebViewerInChromiumTests(LiveServer server) : IClassFixture<LiveServer>, IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private const int FrameWidth = 320, FrameHeight = 240;
    private static readonly PageWaitForFunctionOptions Patiently = new() { Timeout = 30_000, PollingInterval = 50 };

    private readonly List<string> _pageErrors = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: tools/setup.sh installs the Debian package chromium");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }

    [Fact]
    public async Task An_author_sees_the_world_and_live_frames_and_a_clicked_fire_appears_on_the_map()
    {
        server.Simulation.Inputs.Enqueue(new PlaceCamera(0, CameraMode.Fixed, new Vector3(128, 128, 60), 0, -0.8f, new CameraLens(60, FrameWidth, FrameHeight)));
        var page = await Open(LiveServer.Author);

        // The state stream: the page is an author, mirrors agents and picks the camera.
        await page.WaitForFunctionAsync("() => twin.role === 'author' && twin.agents > 0 && twin.cameras.length > 0", null, Patiently);
        Assert.True(await page.IsVisibleAsync("#author"), "authors get the event panel");
        int camera = await page.EvaluateAsync<int>("() => Number(document.getElementById('camera').value)");
        Assert.Equal(camera, await page.EvaluateAsync<int>("() => twin.cameras[0]"));

        // Frames: published where the server's frame generation publishes them (NetworkService.PublishFrame),
        // until the page shows one. When generation runs in the server, the publishing loop can go.
        byte[] jpeg = TurboJpeg.Noise(FrameWidth, FrameHeight, seed: 8);
        for (long tick = 1; await page.EvaluateAsync<int>("() => twin.frames") == 0 && tick < 400; tick++)
        {
            server.Network.PublishFrame(new CameraFrame(camera, tick, FrameWidth, FrameHeight, jpeg));
            await Task.Delay(25);
        }
        await page.WaitForFunctionAsync($"() => document.getElementById('frame').naturalWidth === {FrameWidth}", null, Patiently);
        Assert.Equal(jpeg.Length, await page.EvaluateAsync<int>("() => twin.lastFrame.bytes"));

        // The event panel: fire chosen, a click on a burnable cell, and the fire burns on the map.
        Assert.Equal(0, await page.EvaluateAsync<int>("() => twin.burning"));
        var at = BurnableCellNearCentre();
        await page.CheckAsync("input[name=hazard][value=fire]");
        var box = (await page.Locator("#map").BoundingBoxAsync())!;
        var terrain = server.Simulation.Site.Terrain;
        await page.Mouse.ClickAsync(box.X + (at.X / terrain.WidthMetres * box.Width), box.Y + ((1 - (at.Y / terrain.HeightMetres)) * box.Height));

        await page.WaitForFunctionAsync("() => twin.burning > 0 && twin.hazards.some(h => h.kind === 'fire')", null, Patiently);
        // On the map, burning cells are drawn in the fire colour (a few may be under an agent's dot or a marker).
        var drawn = await page.EvaluateAsync<int[]>("""
            () => {
              const canvas = document.getElementById('map'), context = canvas.getContext('2d');
              const size = twin.world.hazardTileSize, scale = canvas.width / twin.world.widthCells;
              let burning = 0, fireColoured = 0;
              for (const tile of twin.view.tiles.values()) {
                if (tile.layer !== 1) continue;
                tile.cells.forEach((cell, i) => {
                  if (cell !== 1) return;
                  const x = tile.x * size + (i % size), y = tile.y * size + Math.floor(i / size);
                  const [r, g, b] = context.getImageData(Math.floor((x + 0.5) * scale), Math.floor((twin.world.heightCells - 1 - y + 0.5) * scale), 1, 1).data;
                  burning++;
                  if (r === 255 && g === 80 && b === 0) fireColoured++;
                });
              }
              return [burning, fireColoured];
            }
            """);
        Assert.True(drawn[0] > 0 && drawn[1] * 2 >= drawn[0], $"{drawn[1]} of {drawn[0]} burning cells are drawn as fire");
        Assert.Empty(_pageErrors);
        Assert.DoesNotContain("error", await page.InnerTextAsync("#log"));
    }

    [Fact]
    public async Task A_player_walks_its_avatar_east_with_the_d_key()
    {
        var page = await Open(LiveServer.Player);
        const string AvatarX = "() => twin.view?.agents.find(a => a.owner === twin.clientId)?.x ?? null";
        await page.WaitForFunctionAsync($"() => ({AvatarX})() !== null", null, Patiently);
        Assert.False(await page.IsVisibleAsync("#author"), "players get no event panel");
        int before = await page.EvaluateAsync<int>(AvatarX);

        await page.Keyboard.DownAsync("d");
        await page.WaitForFunctionAsync($"() => ({AvatarX})() > {before} + 64", null, Patiently);
        await page.Keyboard.UpAsync("d");

        Assert.Empty(_pageErrors);
    }

    [Fact]
    public async Task A_bad_token_is_told_on_the_page()
    {
        var page = await Open("no-such-token");

        await page.WaitForFunctionAsync("() => !twin.connected && twin.errors.length > 0", null, Patiently);

        Assert.Contains("BAD_TOKEN", await page.InnerTextAsync("#log"));
        Assert.Empty(_pageErrors);
    }

    [Fact]
    public async Task The_map_is_drawn_on_the_sites_land_use_north_up()
    {
        var terrain = server.Simulation.Site.Terrain;
        int water = Array.FindIndex(terrain.LandUse, l => l is Simulation.Terrain.LandUse.DeepWater or Simulation.Terrain.LandUse.ShallowWater);
        int forest = Array.FindIndex(terrain.LandUse, l => l is Simulation.Terrain.LandUse.Forest);
        Assert.True(water >= 0 && forest >= 0, "the procedural town has a coast and woods");
        var page = await Open(LiveServer.Viewer);

        // The terrain image, one pixel per cell: a north-up picture of the site, row 0 its northern edge.
        var colours = await page.EvaluateAsync<int[][]>("""
            async (cells) => {
              const image = new Image();
              image.src = '/api/terrain.png';
              await image.decode();
              const canvas = document.createElement('canvas');
              canvas.width = image.naturalWidth; canvas.height = image.naturalHeight;
              const context = canvas.getContext('2d');
              context.drawImage(image, 0, 0);
              return [[image.naturalWidth, image.naturalHeight, 0]].concat(cells.map(([x, y]) => [...context.getImageData(x, image.naturalHeight - 1 - y, 1, 1).data.slice(0, 3)]));
            }
            """, new[] { new[] { water % terrain.Width, water / terrain.Width }, new[] { forest % terrain.Width, forest / terrain.Width } });

        Assert.Equal([terrain.Width, terrain.Height], colours[0][..2]);
        Assert.True(colours[1][2] > colours[1][0] + 50, $"water is blue: {string.Join(",", colours[1])}");
        Assert.True(colours[2][1] > colours[2][0] && colours[2][1] > colours[2][2], $"forest is green: {string.Join(",", colours[2])}");
    }

    private async Task<IPage> Open(string token)
    {
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        page.PageError += (_, error) => _pageErrors.Add(error);
        await page.GotoAsync($"http://127.0.0.1:{server.HttpPort}/?token={token}");
        return page;
    }

    /// <summary>The centre of the fuelled cell nearest the site's centre, in metres.</summary>
    private Vector2 BurnableCellNearCentre()
    {
        var terrain = server.Simulation.Site.Terrain;
        var centre = new Vector2(terrain.WidthMetres, terrain.HeightMetres) / 2;
        return Enumerable.Range(0, terrain.CellCount)
            .Where(i => terrain.Fuel[i] > 0 && terrain.LandUse[i] is Simulation.Terrain.LandUse.Forest or Simulation.Terrain.LandUse.Grass)
            .Select(terrain.CellCentre)
            .OrderBy(p => Vector2.DistanceSquared(p, centre))
            .First();
    }
}
