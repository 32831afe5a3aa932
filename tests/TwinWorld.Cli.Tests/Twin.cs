using System.Diagnostics;

namespace TwinWorld.Cli.Tests;

/// <summary>Runs the real twin executable to completion, as a user would from a shell (output piped).</summary>
internal static class Twin
{
    public static (int ExitCode, string Output, string Errors) Run(params string[] args) => RunWithInput(null, args);

    /// <summary>Runs twin with lines typed on its standard input (then closed), or none.</summary>
    public static (int ExitCode, string Output, string Errors) RunWithInput(string? input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "twin.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("twin did not finish in 3 minutes:\n" + output);
        }
        return (process.ExitCode, output, errors.Result);
    }
}
