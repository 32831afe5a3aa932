using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TwinWorld.Replay.Reports;
using TwinWorld.TestSupport;

namespace TwinWorld.Replay.Tests.Reports;

/// <summary>
/// The report as a reader sees it: opened in a real Chromium (Debian's, driven by Playwright), with
/// its charts drawn, its images decoded and its numbers on the page.
/// </summary>
public sealed partial class ReportInChromiumTests : IClassFixture<ShortTsunamiRuns>, IAsyncLifetime, IDisposable
{
    private readonly ShortTsunamiRuns _runs;
    private readonly string _dir = Directory.CreateTempSubdirectory("twinworld-report-").FullName;
    private HeadlessChromium? _chromium;

    public ReportInChromiumTests(ShortTsunamiRuns runs) => _runs = runs;

    public async Task InitializeAsync() => _chromium = await HeadlessChromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<IPage> Open(string html)
    {
        var page = await _chromium!.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(html).AbsoluteUri);
        return page;
    }

    /// <summary>Every image the page shows that failed to decode: map layers, and the terrain behind them.</summary>
    private static Task<string[]> BrokenImages(IPage page) => page.EvaluateAsync<string[]>("""
        async () => {
          const broken = [];
          for (const img of document.querySelectorAll('img')) {
            try { await img.decode(); } catch { }
            if (!img.complete || img.naturalWidth === 0) broken.push('img ' + img.alt);
          }
          for (const map of document.querySelectorAll('.map')) {
            const url = getComputedStyle(map).backgroundImage.match(/^url\("(.*)"\)$/);
            if (!url) { broken.push('no terrain behind a map'); continue; }
            const image = new Image();
            image.src = url[1];
            try { await image.decode(); } catch { }
            if (image.naturalWidth === 0) broken.push('terrain of ' + map.parentElement.dataset.map);
          }
          return broken;
        }
        """);

    [Fact]
    public async Task The_report_shows_its_charts_maps_and_summary_numbers_in_chromium()
    {
        var runs = _runs.Runs;
        string html = new ComparisonReport("Coastal tsunami: higher waves", runs, "Two 70-second runs with the waves coming in at once.").WriteTo(_dir);
        Assert.True(File.Exists(Path.Combine(_dir, ComparisonReport.CsvFile)));
        var page = await Open(html);

        // Charts: five SVGs, each with one visible, non-degenerate line per run inside the chart.
        var charts = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('svg.chart')].map(svg => {
              const box = svg.getBoundingClientRect();
              return [...svg.querySelectorAll('path.run-line')].map(p => {
                const s = getComputedStyle(p), b = p.getBoundingClientRect();
                return { length: p.getTotalLength(), stroke: s.stroke, width: parseFloat(s.strokeWidth), opacity: parseFloat(s.opacity),
                         visible: p.checkVisibility(), inside: b.left >= box.left - 1 && b.right <= box.right + 1 && b.top >= box.top - 1 && b.bottom <= box.bottom + 1,
                         svgWidth: box.width };
              });
            })
            """);
        Assert.Equal(5, charts.GetArrayLength());
        foreach (var chart in charts.EnumerateArray())
        {
            Assert.Equal(runs.Count, chart.GetArrayLength());
            var strokes = new HashSet<string>();
            foreach (var line in chart.EnumerateArray())
            {
                Assert.True(line.GetProperty("length").GetDouble() > 100, $"a line spans the chart: {line}");
                Assert.True(line.GetProperty("visible").GetBoolean() && line.GetProperty("inside").GetBoolean(), line.ToString());
                Assert.True(line.GetProperty("width").GetDouble() >= 2 && line.GetProperty("opacity").GetDouble() > 0.5, line.ToString());
                Assert.True(line.GetProperty("svgWidth").GetDouble() > 300, line.ToString());
                Assert.NotEqual("none", line.GetProperty("stroke").GetString());
                strokes.Add(line.GetProperty("stroke").GetString()!);
            }
            Assert.Equal(runs.Count, strokes.Count);
        }

        // Maps: every image decodes, and every map layer has coloured pixels (drawn through a canvas).
        Assert.Empty(await BrokenImages(page));
        var layers = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('img.map-layer')].map(img => {
              const canvas = document.createElement('canvas');
              canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
              const context = canvas.getContext('2d');
              context.drawImage(img, 0, 0);
              const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
              let coloured = 0;
              for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) coloured++;
              return { map: img.closest('figure').dataset.map, width: img.naturalWidth, shown: img.getBoundingClientRect().width, coloured };
            })
            """);
        var maps = layers.EnumerateArray().Select(l => (Map: l.GetProperty("map").GetString()!, Width: l.GetProperty("width").GetInt32(), Shown: l.GetProperty("shown").GetDouble(), Coloured: l.GetProperty("coloured").GetInt32())).ToArray();
        Assert.Equal(["flood-arrival", "flood-arrival", "flood-depth", "flood-depth", "fire-arrival", "fire-arrival", "depth-difference"], maps.Select(m => m.Map));
        Assert.All(maps, m => Assert.Equal(512, m.Width));
        Assert.All(maps, m => Assert.True(m.Shown > 200 && m.Coloured > 0, m.ToString()));

        // Summary: each run's final figures as printed, and the what-if's differences from the baseline.
        var baseline = runs[0].Final;
        foreach (var (run, index) in runs.Select((r, i) => (r, i)))
        {
            var final = run.Final;
            foreach (var (metric, value, before) in new[] { ("agents", final.Agents, baseline.Agents), ("evacuated", final.Evacuated, baseline.Evacuated), ("injured", final.Injured, baseline.Injured), ("incapacitated", final.Incapacitated, baseline.Incapacitated) })
            {
                string cell = await page.Locator($"table.summary tr[data-run='{index}'] td[data-metric='{metric}']").InnerTextAsync();
                var lines = cell.Split('\n');
                Assert.Equal(value.ToString("N0", CultureInfo.InvariantCulture), lines[0]);
                if (index > 0)
                {
                    int difference = value - before;
                    Assert.Equal(difference == 0 ? "0" : difference.ToString("+#,0;-#,0", CultureInfo.InvariantCulture), lines[1]);
                }
            }
            string flooded = await page.Locator($"table.summary tr[data-run='{index}'] td[data-metric='flooded_area_m2'] .value").InnerTextAsync();
            Assert.Equal(final.FloodedArea, ReadArea(flooded), final.FloodedArea >= 10_000 ? 50 : 0.5);
        }
        Assert.True(runs[1].Final.FloodedArea > runs[0].Final.FloodedArea, "higher waves flood more land");
        string floodedDifference = await page.Locator("table.summary tr[data-run='1'] td[data-metric='flooded_area_m2'] .diff").InnerTextAsync();
        Assert.StartsWith("+", floodedDifference);
        Assert.Equal(runs[1].Final.FloodedArea - runs[0].Final.FloodedArea, ReadArea(floodedDifference[1..]), 50.0);

        // The what-if's name is on the page as the text it is, not as markup.
        Assert.Contains(ShortTsunamiRuns.WhatIfName, await page.Locator("table.runs").InnerTextAsync());
        Assert.Equal(0, await page.Locator("b").CountAsync());
    }

    [Fact]
    public async Task A_broken_map_image_is_caught()
    {
        string html = new ComparisonReport("broken on purpose", _runs.Runs).WriteTo(_dir);
        string text = File.ReadAllText(html);
        int at = text.IndexOf("src=\"data:image/png;base64,", StringComparison.Ordinal) + 40;
        File.WriteAllText(html, text[..at] + "AAAA" + text[(at + 4)..]);

        var page = await Open(html);

        Assert.Single(await BrokenImages(page));
    }

    /// <summary>An area as the report prints it ("1,234 m²" or "5.20 ha"), in square metres.</summary>
    private static double ReadArea(string text)
    {
        var match = AreaText().Match(text.Trim());
        Assert.True(match.Success, $"not an area: {text}");
        double number = double.Parse(match.Groups[1].Value, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        return match.Groups[2].Value == "ha" ? number * 10_000 : number;
    }

    [GeneratedRegex(@"^([\d,.]+) (m²|ha)$")]
    private static partial Regex AreaText();
}
