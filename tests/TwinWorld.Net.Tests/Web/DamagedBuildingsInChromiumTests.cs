using System.Numerics;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Inputs;
using TwinWorld.TestSupport;
using Point = TwinWorld.Protocol.V1.Point;
using StartTornado = TwinWorld.Protocol.V1.StartTornado;
using WorldCommand = TwinWorld.Protocol.V1.WorldCommand;

namespace TwinWorld.Net.Tests.Web;

/// <summary>A viewer in Debian's Chromium sees the buildings a tornado damaged drawn on the map, in the legend's colours
/// (on a site big enough for the town to have houses).</summary>
public sealed class DamagedBuildingsInChromiumTests() : ServerInChromium("--World:Size=256")
{
    [Fact]
    public async Task Buildings_a_tornado_crossed_are_drawn_on_the_map_by_how_badly_they_are_damaged()
    {
        var page = await Open(LiveServer.Viewer);
        await page.WaitForFunctionAsync("() => twin.agents > 0", null, Patiently);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => twin.damaged"));
        var from = Town.BuildingNearCentre(Server.Simulation.Site.Terrain);
        Server.Simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Tornado = new StartTornado { From = Point.Of(from), To = Point.Of(from + new Vector2(60, 0)), Speed = 10, MaxWind = 80, CoreRadius = 30, Name = "town-tornado" } }));

        await page.WaitForFunctionAsync("() => twin.damaged >= 20", null, Patiently);
        // Each damaged cell's middle pixel against the colour its damage has in the legend (a few lie under people's dots).
        var drawn = await page.EvaluateAsync<int[]>("""
            () => {
              const canvas = document.getElementById('map'), context = canvas.getContext('2d');
              const size = twin.world.hazardTileSize, scale = canvas.width / twin.world.widthCells;
              const swatches = [...document.querySelectorAll('#legend li')].filter((item) => item.textContent.startsWith('building damage: '))
                .map((item) => getComputedStyle(item.querySelector('.swatch')).backgroundColor);
              const colours = [null, ...swatches];
              let damaged = 0, drawnAsLegend = 0, severities = new Set();
              for (const tile of twin.view.tiles.values()) {
                if (tile.layer !== 2) continue;
                tile.cells.forEach((cell, i) => {
                  if (cell === 0) return;
                  const x = tile.x * size + (i % size), y = tile.y * size + Math.floor(i / size);
                  const [r, g, b] = context.getImageData(Math.floor((x + 0.5) * scale), Math.floor((twin.world.heightCells - 1 - y + 0.5) * scale), 1, 1).data;
                  damaged++;
                  severities.add(cell);
                  if (colours[cell] === `rgb(${r}, ${g}, ${b})`) drawnAsLegend++;
                });
              }
              return [damaged, drawnAsLegend, severities.size, swatches.length];
            }
            """);
        await HeadlessChromium.Screenshot(page, "damaged-buildings");

        Assert.Equal(4, drawn[3]);
        Assert.True(drawn[0] >= 20 && drawn[1] * 10 >= drawn[0] * 9, $"{drawn[1]} of {drawn[0]} damaged building cells are drawn in their legend colour");
        Assert.True(drawn[2] >= 2, $"{drawn[2]} degrees of damage drawn");
        Assert.Empty(PageErrors);
    }
}
