using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace TwinWorld.TestSupport;

/// <summary>The real server executable, started as a child process the way the README's run command starts it.</summary>
public sealed partial class ServerProcess : IDisposable
{
    /// <summary>The server's own build output, where README's command runs it from (set at build time).</summary>
    public static string ServerDirectory { get; } = typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ServerDirectory").Value!;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    public ServerProcess(params string[] args)
    {
        string dll = Path.Combine(ServerDirectory, "TwinWorld.Server.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        // Any free UDP port, so a server already listening on the default cannot fail these tests.
        start.ArgumentList.Add("--Network:Port=0");
        start.ArgumentList.Add("--Http:Port=0");
        // The procedural town unless a test names a scenario (later arguments win).
        start.ArgumentList.Add("--World:Scenario=");
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; false on timeout or exit.</summary>
    public async Task<bool> WaitForOutput(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
            if (_process.HasExited)
            {
                return Output.Contains(text, StringComparison.Ordinal);
            }
            await Task.Delay(50);
        }
        return false;
    }

    /// <summary>The UDP port the server took (it is started on any free one), as its log says once it listens (<see cref="WaitForUdpPort"/>).</summary>
    public int UdpPort => int.Parse(ListeningOn().Match(Output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits until the server listens and returns <see cref="UdpPort"/>; fails the test if it does not within the timeout.</summary>
    public async Task<int> WaitForUdpPort(TimeSpan timeout)
    {
        Assert.True(await WaitForOutput("Listening on UDP", timeout), Output);
        return UdpPort;
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public void Interrupt() => Assert.Equal(0, Kill(_process.Id, 2));

    /// <summary>Sends SIGTERM, as an orchestrator or <c>kill</c> does.</summary>
    public void Terminate() => Assert.Equal(0, Kill(_process.Id, 15));

    public async Task<int> WaitForExit(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _output.AppendLine(line);
            }
        }
    }

    [GeneratedRegex(@"Listening on UDP [0-9.]+:(\d+)")]
    private static partial Regex ListeningOn();

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
