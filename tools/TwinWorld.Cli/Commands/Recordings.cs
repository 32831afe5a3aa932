using Spectre.Console;
using TwinWorld.Replay.Recording;
using TwinWorld.Replay.Replaying;
using TwinWorld.Replay.Runs;
using TwinWorld.Scenarios.Running;
using TwinWorld.Simulation;

namespace TwinWorld.Cli.Commands;

/// <summary>Opening recordings for the analysts' commands, with the messages users see.</summary>
internal static class Recordings
{
    /// <summary>Opens a recording, or prints why it cannot be and returns null (the command exits 2).</summary>
    public static RunRecording? Open(FileInfo file)
    {
        if (Directory.Exists(file.FullName))
        {
            Console.Error.WriteLine($"{file} is a folder, not a recording.");
            return null;
        }
        try
        {
            var recording = RunRecording.Open(file.FullName);
            foreach (var gap in recording.Gaps)
            {
                // Not through AnsiConsole, which wraps at the terminal's width: one line a gap, to read or grep.
                Console.WriteLine($"{file}: damaged: {gap}.");
            }
            if (recording.Tail is { } tail)
            {
                AnsiConsole.MarkupLine(Markup.Escape($"{file}: {tail.Message}; the {recording.Ticks.Count:N0} ticks before it are used."));
            }
            return recording;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(e is FileNotFoundException or DirectoryNotFoundException ? $"{file}: no such recording." : e.Message);
            return null;
        }
    }

    /// <summary>A replayer for the recording, or null after printing why its scenario no longer loads.</summary>
    public static Replayer? Replayer(RunRecording recording, int workers)
    {
        try
        {
            return new Replayer(recording, workers);
        }
        catch (ReplayException e)
        {
            Console.Error.WriteLine(e.Message);
            return null;
        }
    }

    /// <summary>One paragraph on what the recording holds.</summary>
    public static void Describe(RunRecording recording, double tickRateHz)
    {
        var header = recording.Header;
        string overrides = header.Overrides.Count == 0 ? "no overrides" : string.Join(", ", header.Overrides.Select(o => $"{o.Key}={o.Value}"));
        string span = $"ticks {recording.FirstTick:N0} to {recording.LastTick:N0} ({Duration.Format(TimeSpan.FromSeconds((recording.LastTick + 1) / tickRateHz))})";
        AnsiConsole.MarkupLine(Markup.Escape($"{recording.Path}: {header.ScenarioPath}, seed {header.Seed}, {overrides}; {span}, {Plural(recording.Snapshots.Count(), "snapshot")}."));
        if (header.ForkedFrom is { } origin)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"A what-if forked from {origin} at tick {header.StartTick:N0}."));
        }
        AnsiConsole.MarkupLine(Markup.Escape(recording.End is { } end ? $"The run {end.Reason}."
            : Damage(recording) is { } damage ? $"The recording has no end record: {damage}."
            : recording.Gaps.Count > 0 ? "The recording has no end record: the damage listed above may have taken it, or the run was stopped or killed while recording."
            : "The recording has no end record: the run was stopped or killed while recording."));
        if (header.BuildId != RunHeader.CurrentBuild)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"Recorded by build {header.BuildId}; this is {RunHeader.CurrentBuild}: hashes may differ if the simulation changed."));
        }
    }

    /// <summary>Starts recording a run to <c>--record</c>'s file, or prints why it cannot (the command exits 2).</summary>
    public static bool TryStart(FileInfo record, ScenarioRun run, RunHeader header, out RunRecorder? recorder)
    {
        try
        {
            recorder = RunRecorder.Start(record.FullName, run, header);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"--record {record}: {e.Message}");
            recorder = null;
            return false;
        }
    }

    /// <summary>
    /// The damaged stretches in the middle of the file that a replay to <paramref name="stop"/> went past, and what they
    /// cost it, or null for none: the ticks they took, and the ticks after those up to the next snapshot, which it
    /// could not check.
    /// </summary>
    public static string? Gaps(RunRecording recording, ReplayResult result, long stop)
    {
        int passed = recording.Gaps.Count(g => g.FirstTickLost >= result.StartTick && (g.FirstTickLost < stop || stop > recording.LastTick));
        if (passed == 0)
        {
            return null;
        }
        long lost = result.Skipped.Select(g => (First: Math.Max(g.FirstTickLost, result.StartTick), Last: Math.Min(g.LastTickLost, stop - 1))).Distinct().Sum(t => Math.Max(0, t.Last - t.First + 1));
        long unverified = stop - result.StartTick - result.TicksVerified - lost;
        return $"the file is damaged in {Plural(passed, "place")} (listed above), which took {(lost == 0 ? "no tick" : Plural(lost, "tick"))}"
            + (unverified > 0 ? $"; {Plural(unverified, "more tick")} after the damage, before a snapshot to start again from, could not be checked" : "");
    }

    /// <summary>
    /// What damage (not a cut-off write) made the reader stop early, or null: a kill leaves at most a record cut
    /// short, while a bad checksum or length with more after it is the file itself gone wrong.
    /// </summary>
    public static string? Damage(RunRecording recording)
        => recording.Tail is { Problem: not GapProblem.CutOff } tail
            ? $"the file is damaged at byte {tail.Offset:N0}, and the {tail.BytesSkipped:N0} bytes from there ({100.0 * tail.BytesSkipped / new FileInfo(recording.Path).Length:F0}% of the file) cannot be read"
            : null;

    private static string Plural(long count, string noun) => $"{count:N0} {noun}{(count == 1 ? "" : "s")}";
}
