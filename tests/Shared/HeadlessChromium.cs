using Microsoft.Playwright;

namespace TwinWorld.Tests.Shared;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright through its bundled driver (no browser download): for tests
/// that look at a page as a person would. Linked into each test project that needs it.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
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

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
