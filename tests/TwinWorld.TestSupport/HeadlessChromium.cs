using Microsoft.Playwright;

namespace TwinWorld.TestSupport;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright through its bundled driver (no browser download): for tests
/// that look at a page as a person would.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: tools/setup.sh installs the Debian package chromium");
        var playwright = await Playwright.CreateAsync();
        return new HeadlessChromium(playwright, await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Executable, Headless = true }));
    }

    /// <summary>A new 1400×1000 page at <paramref name="url"/>; the page's uncaught errors are added to <paramref name="errors"/>.</summary>
    public async Task<IPage> OpenAsync(string url, List<string> errors)
    {
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(url);
        return page;
    }

    /// <summary>
    /// Saves what the page shows as screenshots/<paramref name="name"/>.png in the test output, for a person to look at
    /// (the README's picture of the viewer is one of these).
    /// </summary>
    public static async Task<string> Screenshot(IPage page, string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"{name}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
