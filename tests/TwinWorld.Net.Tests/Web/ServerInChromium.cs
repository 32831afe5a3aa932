using Microsoft.Playwright;
using TwinWorld.TestSupport;

namespace TwinWorld.Net.Tests.Web;

/// <summary>
/// A test's own real server and Debian's Chromium, both started before each test and stopped after it, and the page
/// errors of every page it opened.
/// </summary>
public abstract class ServerInChromium : IAsyncLifetime
{
    protected static readonly PageWaitForFunctionOptions Patiently = new() { Timeout = 30_000, PollingInterval = 50 };

    private HeadlessChromium? _chromium;

    /// <param name="settings">The server's settings beyond <see cref="LiveServer"/>'s, such as generation on.</param>
    protected ServerInChromium(params string[] settings) => Server = new LiveServer(settings);

    protected LiveServer Server { get; }

    /// <summary>Uncaught errors of the pages opened: a test expects none.</summary>
    protected List<string> PageErrors { get; } = [];

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        _chromium = await HeadlessChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
        await Server.DisposeAsync();
    }

    /// <summary>The viewer's page with a role's token.</summary>
    protected Task<IPage> Open(string token) => _chromium!.OpenAsync($"http://127.0.0.1:{Server.HttpPort}/?token={token}", PageErrors);
}
