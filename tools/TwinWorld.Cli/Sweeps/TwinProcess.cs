using System.Diagnostics;
using System.Reflection;

namespace TwinWorld.Cli.Sweeps;

/// <summary>
/// Runs this same twin as a child process: the executable that is running, or, when that is the
/// <c>dotnet</c> host (<c>dotnet twin.dll</c>, as tools/twin and the tests start it), the host with
/// this assembly. Standard output is drained and dropped; the end of standard error is kept.
/// </summary>
internal static class TwinProcess
{
    private const int TailLines = 12;

    public static async Task<(int ExitCode, IReadOnlyList<string> ErrorTail)> RunAsync(IEnumerable<string> args, CancellationToken token)
    {
        using var process = new Process { StartInfo = StartInfo(args) };
        var tail = new Queue<string>();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }
            lock (tail)
            {
                tail.Enqueue(line.Data);
                if (tail.Count > TailLines)
                {
                    tail.Dequeue();
                }
            }
        };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(token);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited by itself between the cancellation and the kill: nothing left to stop.
            }
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }
        lock (tail)
        {
            return (process.ExitCode, [.. tail]);
        }
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        string executable = Environment.ProcessPath ?? throw new InvalidOperationException("The path of the running twin executable is unknown.");
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Path.GetFileNameWithoutExtension(executable).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("The twin assembly's path is unknown."));
        }
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return start;
    }
}
