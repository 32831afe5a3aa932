using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TwinWorld.Cluster.Tests;

/// <summary>
/// The real twin executable as a child process (a silo, or a sweep), its output gathered as it comes,
/// as TwinWorld.TestSupport's ServerProcess runs the server. Disposing kills it if it still runs.
/// </summary>
internal sealed class TwinProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    public TwinProcess(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "twin.dll"));
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

    public int Id => _process.Id;

    /// <summary>Standard output and error, interleaved as they came.</summary>
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

    /// <summary>Runs twin to its end: its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> Run(TimeSpan timeout, params string[] args)
    {
        using var twin = new TwinProcess(args);
        int exitCode = await twin.WaitForExit(timeout);
        return (exitCode, twin.Output);
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; false on timeout or exit.</summary>
    public async Task<bool> WaitForOutput(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout && !_process.HasExited)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
            await Task.Delay(50);
        }
        return Output.Contains(text, StringComparison.Ordinal);
    }

    /// <summary>kill -9: the process ends at once, saying goodbye to no one.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: false);

    /// <summary>Sends SIGTERM, as an orchestrator or <c>kill</c> does.</summary>
    public async Task Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public async Task<int> WaitForExit(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"twin did not end in {timeout}; its output:\n{Output}");
        }
        // The asynchronous readers may still hold the last lines.
        _process.WaitForExit();
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
}
