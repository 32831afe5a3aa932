using TwinWorld.Cluster.Runs;

namespace TwinWorld.Cli.Sweeps;

/// <summary>How a sweep's run went: its summary when it succeeded; otherwise its exit code and the end of its error output.</summary>
internal sealed record RunResult(SweepRun Run, int ExitCode, RunSummary? Summary, IReadOnlyList<string> ErrorTail)
{
    public bool Succeeded => Summary is not null;

    /// <summary>One line on why a run failed, for tables: its last line of error output, or what is known without one.</summary>
    public string Problem => Succeeded ? ""
        : ErrorTail.LastOrDefault(line => line.Trim().Length > 0)?.Trim() ?? $"exit code {ExitCode}, no error output";
}
