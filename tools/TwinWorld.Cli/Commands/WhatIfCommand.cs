using System.CommandLine;
using Spectre.Console;
using TwinWorld.Replay.Comparisons;
using TwinWorld.Replay.Forks;
using TwinWorld.Replay.Replaying;
using TwinWorld.Replay.Reports;
using TwinWorld.Replay.Runs;
using TwinWorld.Simulation;

namespace TwinWorld.Cli.Commands;

/// <summary>
/// <c>twin whatif run.twrec --at 5m --set alert_at=2m --do "fire: {...}"</c>: replays a recording to a
/// point (checking it), forks it there with changed parameters or extra actions, runs the fork to its
/// end, and shows it beside the recorded run; it can record the fork and write the comparison report.
/// </summary>
internal static class WhatIfCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("recording") { Description = "A recording made with twin run --record" };
        var at = TickOrTime.Option("--at", "Fork at this point", required: true);
        var set = new Option<string[]>("--set") { Description = "Change a declared parameter from the fork on: --set name=value (repeatable)" };
        var actions = new Option<string[]>("--do") { Description = "An action at the fork point, written as in a scenario: --do \"fire: {at: [500, 400]}\" (repeatable)" };
        var until = Options.OptionalDuration("--until", "Stop the fork after this much simulated time from the run's start (default: where the recording stops, to compare like with like)");
        var record = new Option<FileInfo?>("--record") { Description = "Record the fork to this file" };
        var report = new Option<DirectoryInfo?>("--report") { Description = "Write report.html and report.csv comparing the recorded run and the fork into this folder" };
        var workers = Options.Ranged("--workers", "Worker threads (results do not depend on it)", Environment.ProcessorCount, 1, 256);
        var command = new Command("whatif", "Fork a recorded run with changed parameters or actions, and compare") { file, at, set, actions, until, record, report, workers };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(at)!.Value, parse.GetValue(set) ?? [], parse.GetValue(actions) ?? [],
            parse.GetValue(until), parse.GetValue(record), parse.GetValue(report), parse.GetValue(workers)));
        return command;
    }

    private static int Run(FileInfo file, TickOrTime at, string[] sets, string[] actions, TimeSpan? until, FileInfo? record, DirectoryInfo? report, int workers)
    {
        if (Options.Overrides(sets, out string? badSet) is not { } overrides)
        {
            Console.Error.WriteLine(badSet);
            return 2;
        }
        if ((OutputPaths.NewFileProblem("--record", record) ?? OutputPaths.FolderProblem("--report", report)) is { } badPath)
        {
            Console.Error.WriteLine(badPath);
            return 2;
        }
        using var recording = Recordings.Open(file);
        if (recording is null || Recordings.Replayer(recording, workers) is not { } replayer)
        {
            return 2;
        }
        double hz = replayer.Scenario.TickRateHz;
        Recordings.Describe(recording, hz);
        long atTick = at.ToTick(hz);
        var end = until ?? TimeSpan.FromSeconds((recording.LastTick + 1) / hz);
        if (Math.Round(end.TotalSeconds * hz) <= atTick)
        {
            Console.Error.WriteLine(until is null
                ? $"--at {at}: the recording ends there, and the fork runs to where it ends; give --until to run it further."
                : $"--until {Duration.Format(end)} is not after the fork at {Duration.Format(TimeSpan.FromSeconds(atTick / hz))}: --until counts from the run's start.");
            return 2;
        }
        WhatIfFork? fork = null;
        try
        {
            WorkProgress.Run("replaying to the fork", atTick, tick => $"tick {tick:N0}",
                progress => fork = WhatIfFork.Create(replayer, atTick, overrides, actions, workers, tick => progress(tick + 1)));
        }
        catch (Exception e) when (e is WhatIfException or ReplayException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        var run = fork!.Run;
        string change = string.Join(", ", [.. overrides.Select(o => $"{o.Key}={o.Value}"), .. actions]);
        AnsiConsole.MarkupLine(Markup.Escape($"What if, from {Duration.Format(run.Simulation.SimulatedTime)} (tick {atTick:N0}): {(change.Length == 0 ? "nothing changed" : change)}."));
        if (fork.Changes.Ahead.Count > 0)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"From the fork on, the parameters change: {string.Join("; ", fork.Changes.Ahead)}."));
        }
        var header = RunHeader.For(run.Scenario, Merged(recording.Header.Overrides, overrides), run.SetupHash, recording.Header.SnapshotEveryTicks,
            startTick: atTick, forkedFrom: file.FullName, scenarioText: recording.Header.ScenarioText);
        header = header with { Seed = recording.Header.Seed };
        RunRecorder? recorder = null;
        if (record is not null && !Recordings.TryStart(record, run, header, out recorder))
        {
            return 2;
        }
        using (recorder)
        {
            double total = Math.Min(run.Scenario.End.After.TotalSeconds, end.TotalSeconds);
            WorkProgress.Run("what-if", total, seconds => Duration.Format(TimeSpan.FromSeconds(seconds)), progress => run.RunToEnd(end, report =>
            {
                recorder?.Record(report);
                progress(run.Simulation.SimulatedTime.TotalSeconds);
            }));
            recorder?.Finish();
        }
        var baseline = RecordedOutcome.Of(fork.Baseline, "recorded", untilTick: run.Simulation.Tick);
        var whatIf = ReportRun.From(run, "what-if");
        if (actions.Length > 0)
        {
            whatIf = whatIf.Describing(string.Join("; ", whatIf.Parameters == "defaults" ? actions : [whatIf.Parameters, .. actions]));
        }
        ReportRun[] runs = [baseline, whatIf];
        OutcomeTable.WriteOverTime(runs);
        OutcomeTable.WriteFinal(runs);
        AnsiConsole.MarkupLine(Markup.Escape($"The what-if {run.EndReason}; state hash {run.Simulation.StateHash:X16}{(record is null ? "" : $"; recorded to {record}")}."));
        return report is null || OutcomeTable.WriteReport(report, $"What if: {(change.Length == 0 ? "no change" : change)}", runs,
            $"Forked from {file.Name} at {Duration.Format(TimeSpan.FromSeconds(atTick / hz))}.") ? 0 : 1;
    }

    private static Dictionary<string, string> Merged(IReadOnlyDictionary<string, string> recorded, Dictionary<string, string> changed)
    {
        var all = new Dictionary<string, string>(recorded);
        foreach (var (name, value) in changed)
        {
            all[name] = value;
        }
        return all;
    }
}
