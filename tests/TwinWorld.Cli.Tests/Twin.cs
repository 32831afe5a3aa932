using System.Diagnostics;

namespace TwinWorld.Cli.Tests;

/// <summary>Runs the real twin executable to completion, as a user would from a shell (output piped).</summary>
internal static class Twin
{
    public static (int ExitCode, string Output, string Errors) Run(params string[] args) => RunWithInput(null, args);

    /// <summary>Runs twin with lines typed on its standard input (then closed), or none.</summary>
    public static (int ExitCode, string Output, string Errors) RunWithInput(string? input, params string[] args)
    {
        using var process = Process.Start(StartInfo(input is not null, args))!;
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

    /// <summary>Starts twin and returns at once, its output being read as it comes (for tests that act while it runs).</summary>
    public static (Process Process, Task<string> Output, Task<string> Errors) Start(params string[] args)
    {
        var process = Process.Start(StartInfo(false, args))!;
        return (process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
    }

    private static ProcessStartInfo StartInfo(bool input, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input };
        // The test's folder holds twin beside the server (which this project references), and assemblies that ASP.NET
        // Core's shared framework provides (Microsoft.Extensions.Logging.Abstractions, which the frame scheduler uses)
        // are not copied there: twin runs with this project's runtime config, which names that framework.
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TwinWorld.Cli.Tests.runtimeconfig.json"));
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "twin.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return start;
    }
}
