using System.Globalization;
using System.Text.RegularExpressions;
using TwinWorld.Replay.Reports;
using TwinWorld.Simulation.Terrain;
using static TwinWorld.Replay.Tests.Reports.Synthetic;

namespace TwinWorld.Replay.Tests.Reports;

public partial class ComparisonHtmlTests
{
    private static string Html(ComparisonReport report)
    {
        var writer = new StringWriter();
        report.WriteHtml(writer);
        return writer.ToString();
    }

    [Fact]
    public void Hostile_names_parameters_title_and_description_are_shown_as_text_not_markup()
    {
        const string Attack = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>&amp;";
        var terrain = Coast();
        var baseline = new ReportRun(Attack, Attack, [(TimeSpan.FromMinutes(1), Outcome(1, flooded: 4))], Flooded(terrain, (3, 0.5f)));
        var whatIf = new ReportRun("b" + Attack, "x=" + Attack, [(TimeSpan.FromMinutes(1), Outcome(1, flooded: 8))], Flooded(terrain, (3, 0.9f), (4, 0.3f)));

        string html = Html(new ComparisonReport(Attack, [baseline, whatIf], Attack));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        // No element got an event handler attribute (quoted attribute values, where the escaped text lies, set aside).
        Assert.DoesNotMatch(@"<[^>]*\son\w+=", Regex.Replace(html, "\"[^\"]*\"", "\"\""));
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;", html);
        // The title, the description, the runs table, the summary, the chart legends and the map captions all name it.
        Assert.True(Regex.Matches(html, "&lt;script&gt;").Count >= 8);
    }

    [Fact]
    public void The_page_is_self_contained_with_no_scripts_links_or_remote_addresses()
    {
        var terrain = Coast();
        var report = new ComparisonReport("t", [
            new ReportRun("a", "", [(TimeSpan.FromMinutes(1), Outcome(1))], Flooded(terrain, (3, 0.5f))),
            new ReportRun("b", "", [(TimeSpan.FromMinutes(1), Outcome(1))], Flooded(terrain, (3, 1f))),
        ]);

        string html = Html(report);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html);
        Assert.All(Regex.Matches(html, "https?://[^\"]*").Select(m => m.Value), a => Assert.Equal("http://www.w3.org/2000/svg", a));
        var sources = Regex.Matches(html, "src=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.StartsWith("data:image/png;base64,", s));
        var urls = Regex.Matches(html, @"url\(""?([^)""]*)").Select(m => m.Groups[1].Value).Where(u => !u.StartsWith('#')).ToArray();
        Assert.NotEmpty(urls);
        Assert.All(urls, u => Assert.StartsWith("data:image/png;base64,", u));
    }

    [Fact]
    public void The_summary_gives_each_runs_final_figures_and_its_differences_from_the_baseline()
    {
        var baseline = Run("baseline", Outcome(5, evacuated: 100), Outcome(10, evacuated: 1000, injured: 10, flooded: 52_000));
        var early = Run("alert 5 min earlier", Outcome(5, evacuated: 300), Outcome(10, evacuated: 1312, injured: 6, flooded: 52_000));
        var late = Run("alert late", Outcome(10, evacuated: 990, injured: 10, flooded: 64_500));

        string html = Html(new ComparisonReport("t", [baseline, early, late]));

        string Row(int run) => Regex.Match(html, $"<tr data-run=\"{run}\">(.*?)</tr>").Groups[1].Value;
        string Cell(int run, string metric) => Regex.Match(Row(run), $"data-metric=\"{metric}\">(.*?)</td>").Groups[1].Value;
        Assert.Contains(">1,000<", Cell(0, "evacuated"));
        Assert.DoesNotContain("diff", Cell(0, "evacuated"));
        Assert.Contains(">1,312<", Cell(1, "evacuated"));
        Assert.Contains("<span class=\"diff better\">+312</span>", Cell(1, "evacuated"));
        Assert.Contains("<span class=\"diff better\">-4</span>", Cell(1, "injured"));
        Assert.Contains("<span class=\"diff same\">0</span>", Cell(1, "flooded_area_m2"));
        Assert.Contains(">5.20 ha<", Cell(0, "flooded_area_m2"));
        Assert.Contains("<span class=\"diff worse\">-10</span>", Cell(2, "evacuated"));
        Assert.Contains("<span class=\"diff worse\">+1.25 ha</span>", Cell(2, "flooded_area_m2"));
        Assert.Contains("<strong>alert 5 min earlier</strong> (): +312 evacuated, -4 injured compared with baseline.", html);
    }

    [Fact]
    public void Areas_are_charted_in_hectares()
    {
        var report = new ComparisonReport("t", [Run("a", Outcome(1, flooded: 5_000), Outcome(2, flooded: 42_000)), Run("b", Outcome(2, flooded: 21_000))]);

        string html = Html(report);

        string svg = Regex.Match(html, "<figure class=\"chart-figure\" data-metric=\"flooded_area_m2\">.*?(<svg class=\"chart\".*?</svg>)", RegexOptions.Singleline).Groups[1].Value;
        var chart = new ChartReader(svg);
        Assert.Equal(2, chart.Lines.Length);
        Assert.Equal([0.5, 4.2], chart.Read(0).Select(p => Math.Round(p.Value, 2)));
        Assert.Equal([2.1], chart.Read(1).Select(p => Math.Round(p.Value, 2)));
        Assert.Equal(5, Regex.Matches(html, "<svg class=\"chart\"").Count);
    }

    [Fact]
    public void Small_areas_are_charted_in_square_metres_and_a_line_hidden_under_an_identical_one_is_named_in_the_legend()
    {
        var report = new ComparisonReport("t", [
            Run("a", Outcome(1, burned: 400), Outcome(2, burned: 2_000)),
            Run("b", Outcome(1, burned: 400, evacuated: 3), Outcome(2, burned: 2_000)),
            Run("c", Outcome(1, burned: 400), Outcome(2, burned: 2_400)),
        ]);

        string html = Html(report);

        string figure = Regex.Match(html, "<figure class=\"chart-figure\" data-metric=\"burned_area_m2\">.*?</figure>", RegexOptions.Singleline).Value;
        Assert.Contains("<figcaption>Burned area (m&#178;)</figcaption>", figure);
        Assert.Equal([400.0, 2_000], new ChartReader(Regex.Match(figure, "<svg class=\"chart\".*?</svg>", RegexOptions.Singleline).Value).Read(0).Select(p => Math.Round(p.Value)));
        Assert.Contains("b <span class=\"same-as\">(the same as a)</span>", figure);
        Assert.DoesNotContain("c <span class=\"same-as\">", figure);
        string evacuated = Regex.Match(html, "<figure class=\"chart-figure\" data-metric=\"evacuated\">.*?</figure>", RegexOptions.Singleline).Value;
        Assert.DoesNotContain("b <span class=\"same-as\">", evacuated);
        Assert.Contains("c <span class=\"same-as\">(the same as a)</span>", evacuated);
    }

    [Fact]
    public void Each_what_if_gets_a_depth_difference_map_red_where_deeper_blue_where_shallower_and_clear_where_dry()
    {
        var terrain = Coast(8, 6);
        int deeper = terrain.Index(3, 0), shallower = terrain.Index(4, 5), same = terrain.Index(5, 2), dry = terrain.Index(6, 3);
        var baseline = new ReportRun("baseline", "", [(TimeSpan.FromMinutes(2), Outcome(2))], Flooded(terrain, (deeper, 0.5f), (shallower, 1.2f), (same, 0.7f)));
        var whatIf = new ReportRun("bigger", "", [(TimeSpan.FromMinutes(2), Outcome(2))], Flooded(terrain, (deeper, 2.5f), (shallower, 0.4f), (same, 0.7f)));

        string html = Html(new ComparisonReport("t", [baseline, whatIf]));

        var figures = Regex.Matches(html, "<figure class=\"map-figure\" data-map=\"depth-difference\" data-run=\"(\\d+)\">.*?base64,([^\"]+)\"", RegexOptions.Singleline);
        Assert.Single(figures);
        Assert.Equal("1", figures[0].Groups[1].Value);
        var image = PythonPng.Decode(Convert.FromBase64String(figures[0].Groups[2].Value));
        Assert.Equal((8, 6, 6), (image.Width, image.Height, image.Colour));
        // North up: terrain row y is image row (height - 1 - y).
        (byte R, byte G, byte B, byte A) Pixel(int cell)
        {
            int x = cell % 8, y = cell / 8, at = ((((6 - 1 - y) * 8) + x) * 4);
            return (image.Pixels[at], image.Pixels[at + 1], image.Pixels[at + 2], image.Pixels[at + 3]);
        }
        Assert.True(Pixel(deeper).R > Pixel(deeper).B + 100, $"deeper water is red: {Pixel(deeper)}");
        Assert.True(Pixel(shallower).B > Pixel(shallower).R + 50, $"shallower water is blue: {Pixel(shallower)}");
        Assert.Equal(Pixel(same).R, Pixel(same).B);
        Assert.True(Pixel(same).A > 0);
        Assert.Equal(0, Pixel(dry).A);
        Assert.Contains("<svg class=\"legend\"", html[html.IndexOf("depth-difference", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void Maps_share_one_scale_per_kind_and_say_when_a_kind_has_nothing_to_show()
    {
        var terrain = Coast();
        var shallow = new ReportRun("shallow", "", [(TimeSpan.FromMinutes(2), Outcome(2))], Flooded(terrain, (terrain.Index(3, 3), 0.5f)));
        var deep = new ReportRun("deep", "", [(TimeSpan.FromMinutes(2), Outcome(2))], Flooded(terrain, (terrain.Index(3, 3), 2.0f)));

        string html = Html(new ComparisonReport("t", [shallow, deep]));

        var depthMaps = Regex.Matches(html, "data-map=\"flood-depth\" data-run=\"(\\d)\">.*?base64,([^\"]+)\"", RegexOptions.Singleline);
        Assert.Equal(["0", "1"], depthMaps.Select(m => m.Groups[1].Value));
        var colours = depthMaps.Select(m => PythonPng.Decode(Convert.FromBase64String(m.Groups[2].Value)))
            .Select(i => { int at = (((6 - 1 - 3) * 8) + 3) * 4; return i.Pixels[at] + i.Pixels[at + 1] + i.Pixels[at + 2]; }).ToArray();
        Assert.True(colours[0] > colours[1] + 150, "on a shared scale 0.5 m is paler than 2 m");
        Assert.Equal(2, Regex.Matches(html, "data-map=\"flood-arrival\"").Count);
        Assert.Contains("Nothing to show: nothing burned in any run.", html);
        Assert.DoesNotContain("data-map=\"fire-arrival\"", html);
        Assert.Single(Regex.Matches(html, @"\.terrain-\d+ \{ background-image"));
    }

    [Fact]
    public void Without_maps_or_with_a_single_run_there_are_no_difference_maps_and_no_differences()
    {
        string noMaps = Html(new ComparisonReport("t", [Run("a", Outcome(1)), Run("b", Outcome(1))]));
        Assert.Contains("No maps were captured for these runs.", noMaps);
        Assert.DoesNotContain("<img", noMaps);

        var terrain = Coast();
        string single = Html(new ComparisonReport("t", [new ReportRun("only", "", [(TimeSpan.FromMinutes(1), Outcome(1))], Flooded(terrain, (3, 1f)))]));
        Assert.DoesNotContain("depth-difference", single);
        Assert.DoesNotContain("class=\"diff", single);
        Assert.Equal(2, Regex.Matches(single, "<img class=\"map-layer\"").Count);

        var other = new TerrainGrid(5, 5, 2);
        string mismatched = Html(new ComparisonReport("t", [
            new ReportRun("a", "", [(TimeSpan.FromMinutes(1), Outcome(1))], Flooded(terrain, (3, 1f))),
            new ReportRun("b", "", [(TimeSpan.FromMinutes(1), Outcome(1))], Flooded(other, (3, 1f))),
        ]));
        Assert.Contains("No difference map for b: its grid (5 x 5 cells of 2 m) is not the baseline's (8 x 6 of 2 m).", mismatched);
    }

    [Fact]
    public void Runs_that_end_at_different_times_are_flagged_in_the_summary()
    {
        string html = Html(new ComparisonReport("t", [Run("a", Outcome(10)), Run("b", Outcome(12))]));

        Assert.Contains("The runs ended at different times", html);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $">12m00s<"), html);
    }
}
