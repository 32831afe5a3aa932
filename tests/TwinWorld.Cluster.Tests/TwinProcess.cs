using TwinWorld.TestSupport;

namespace TwinWorld.Cluster.Tests;

/// <summary>The real twin executable as a child process (a silo, or a sweep), as a user runs it.</summary>
internal static class TwinProcess
{
    /// <summary>Starts twin (twin.dll lands beside the tests); disposing the process kills it if it still runs.</summary>
    public static ChildProcess Start(params string[] args) => new(Path.Combine(AppContext.BaseDirectory, "twin.dll"), args);

    /// <summary>Runs twin to its end: its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> Run(TimeSpan timeout, params string[] args)
    {
        using var twin = Start(args);
        int exitCode = await twin.WaitForExit(timeout);
        return (exitCode, twin.Output);
    }
}
