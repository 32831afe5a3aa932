using System.CommandLine;
using Spectre.Console;
using TwinWorld.Replay.Comparisons;
using TwinWorld.Replay.Replaying;
using TwinWorld.Replay.Reports;

namespace TwinWorld.Cli.Commands;

/// <summary>
/// <c>twin compare a.twrec b.twrec ...</c>: lines up the outcome figures of recorded runs over time,
/// with the final figures and each run's difference from the first; <c>--report</c> also writes the
/// HTML report (charts and maps) and its CSV.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("recordings") { Description = "Two or more recordings; the first is the baseline", Arity = new ArgumentArity(2, 64) };
        var report = new Option<DirectoryInfo?>("--report") { Description = "Write report.html and report.csv into this folder" };
        var workers = Options.Ranged("--workers", "Worker threads, for recordings that must be replayed (cut short)", Environment.ProcessorCount, 1, 256);
        var command = new Command("compare", "Compare recorded runs over time") { files, report, workers };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(report), parse.GetValue(workers)));
        return command;
    }

    private static int Run(FileInfo[] files, DirectoryInfo? report, int workers)
    {
        if (OutputPaths.FolderProblem("--report", report) is { } badReport)
        {
            Console.Error.WriteLine(badReport);
            return 2;
        }
        var runs = new List<ReportRun>();
        var kinds = new List<(string Scenario, ulong Seed)>();
        foreach (var file in files)
        {
            using var recording = Recordings.Open(file);
            if (recording is null || Recordings.Replayer(recording, workers) is not { } replayer)
            {
                return 2;
            }
            string name = UniqueName(Path.GetFileNameWithoutExtension(file.Name), runs);
            try
            {
                WorkProgress.Run($"reading {name}", recording.LastTick + 1, tick => $"tick {tick:N0}",
                    progress => runs.Add(RecordedOutcome.Of(replayer, name, tick => progress(tick + 1))));
                kinds.Add((replayer.Scenario.Name, recording.Header.Seed));
            }
            catch (ReplayException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        }
        if (kinds.Select(k => k.Seed).Distinct().Count() > 1)
        {
            // Seeds are part of what differs between the runs: say so beside the parameters.
            runs = [.. runs.Zip(kinds, (run, kind) => run.Describing($"{run.Parameters}, seed {kind.Seed}"))];
        }
        OutcomeTable.WriteOverTime(runs);
        OutcomeTable.WriteFinal(runs);
        if (kinds.Select(k => k.Scenario).Distinct().Count() > 1)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"Warning: these are runs of different scenarios ({string.Join(", ", kinds.Select(k => k.Scenario).Distinct())}), so their differences are not the effect of a change."));
        }
        return report is null || OutcomeTable.WriteReport(report, $"Comparison of {runs.Count} runs", runs, $"Recordings: {string.Join(", ", files.Select(f => f.Name))}") ? 0 : 1;
    }

    private static string UniqueName(string name, List<ReportRun> runs)
    {
        string unique = name;
        for (int n = 2; runs.Any(r => r.Name == unique); n++)
        {
            unique = $"{name} ({n})";
        }
        return unique;
    }
}
