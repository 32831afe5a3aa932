using System.Reflection;
using System.Text.RegularExpressions;

namespace TwinWorld.TestSupport;

/// <summary>The real server executable, started as a child process the way the README's run command starts it.</summary>
public sealed partial class ServerProcess : IDisposable
{
    /// <summary>The server's own build output, where README's command runs it from (set at build time).</summary>
    public static string ServerDirectory { get; } = typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ServerDirectory").Value!;

    private readonly ChildProcess _child;

    public ServerProcess(params string[] args)
    {
        // Any free UDP port, so a server already listening on the default cannot fail these tests; the
        // procedural town unless a test names a scenario (later arguments win).
        _child = new ChildProcess(Path.Combine(ServerDirectory, "TwinWorld.Server.dll"), ["--Network:Port=0", "--Http:Port=0", "--World:Scenario=", .. args]);
    }

    public string Output => _child.Output;

    /// <summary>Waits until the output contains <paramref name="text"/>; false on timeout or exit.</summary>
    public Task<bool> WaitForOutput(string text, TimeSpan timeout) => _child.WaitForOutput(text, timeout);

    /// <summary>The UDP port the server took (it is started on any free one), as its log says once it listens (<see cref="WaitForUdpPort"/>).</summary>
    public int UdpPort => int.Parse(ListeningOn().Match(Output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits until the server listens and returns <see cref="UdpPort"/>; fails the test if it does not within the timeout.</summary>
    public async Task<int> WaitForUdpPort(TimeSpan timeout)
    {
        Assert.True(await WaitForOutput("Listening on UDP", timeout), Output);
        return UdpPort;
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public void Interrupt() => _child.Signal(2);

    /// <summary>Sends SIGTERM, as an orchestrator or <c>kill</c> does.</summary>
    public void Terminate() => _child.Signal(15);

    public Task<int> WaitForExit(TimeSpan timeout) => _child.WaitForExit(timeout);

    public void Dispose() => _child.Dispose();

    [GeneratedRegex(@"Listening on UDP [0-9.]+:(\d+)")]
    private static partial Regex ListeningOn();
}
