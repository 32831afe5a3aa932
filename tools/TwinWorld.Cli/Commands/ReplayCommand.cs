using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using TwinWorld.Cli.Frames;
using TwinWorld.Cli.Summaries;
using TwinWorld.Simulation;

namespace TwinWorld.Cli.Commands;

/// <summary>
/// <c>twin replay run.twrec</c>: re-simulates a recording, checking the state hash after every tick,
/// and stops at the first divergence, naming the tick and the systems whose state differs (exit 1).
/// <c>--to</c> seeks: it starts from the latest snapshot before that point and checks from there.
/// <c>--frames</c> also regenerates every frame the recording holds a hash of and checks it (exit 1 on a frame
/// divergence; exit 2 when the recording has no frame hashes or this replay would generate them another way).
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("recording") { Description = "A recording made with twin run --record" };
        var to = TickOrTime.Option("--to", "Seek to this point through the snapshots, checking from the snapshot before it");
        var workers = Options.Ranged("--workers", "Worker threads (results do not depend on it)", Environment.ProcessorCount, 1, 256);
        // Half the logical processors: two simulations on the two threads of one core gain little over one with two workers.
        var lanes = Options.Ranged("--lanes", "Replay pieces between snapshots side by side on this many threads, splitting the workers among them (1 with --to or --profile)", Math.Max(1, Environment.ProcessorCount / 2), 1, 256);
        var profile = Options.Profile();
        var frames = new Option<bool>("--frames") { Description = "Also regenerate the recorded frames (a run filmed with --frames, or a server generating frames) and check each one's hash" };
        var model = new Option<FileInfo?>("--model") { Description = "With --frames: the world model's manifest, if not where the run had it" };
        var device = new Option<string?>("--device") { Description = "With --frames: run the model here (cpu, cuda, cuda:N) rather than where the run did; its frames are then not comparable" };
        var command = new Command("replay", "Re-simulate a recording and verify every tick's state hash") { file, to, workers, lanes, profile, frames, model, device };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(to), parse.GetValue(workers), parse.GetValue(lanes), parse.GetValue(profile) ? new TickProfile() : null,
            parse.GetValue(frames), parse.GetValue(model)?.FullName, parse.GetValue(device)));
        return command;
    }

    private static int Run(FileInfo file, TickOrTime? to, int workers, int lanes, TickProfile? profile, bool checkFrames, string? model, string? device)
    {
        if (!checkFrames && (model ?? device) is not null)
        {
            Console.Error.WriteLine($"{(model is null ? "--device" : "--model")} goes with --frames.");
            return 2;
        }
        if (checkFrames && to is not null)
        {
            Console.Error.WriteLine("--frames regenerates the frames from the start of the run; it does not go with --to.");
            return 2;
        }
        using var recording = Recordings.Open(file);
        if (recording is null || Recordings.Replayer(recording, workers) is not { } replayer)
        {
            return 2;
        }
        if (checkFrames && recording.TicksLost > 0)
        {
            Console.Error.WriteLine($"--frames regenerates every frame from the start of the run; damage took {recording.TicksLost:N0} of this recording's ticks (listed above). Replay it without --frames to check the rest.");
            return 2;
        }
        FrameReplay? frameReplay = null;
        if (checkFrames && (frameReplay = FrameReplay.Create(recording, model, device, out string? problem)) is null)
        {
            Console.Error.WriteLine(problem);
            return 2;
        }
        using var framesToCheck = frameReplay;
        double hz = replayer.Scenario.TickRateHz;
        Recordings.Describe(recording, hz);
        long stop = to?.ToTick(hz) ?? long.MaxValue;
        if (stop > recording.LastTick + 1)
        {
            if (to is not null)
            {
                Console.Error.WriteLine($"--to {to}: the recording ends at tick {recording.LastTick + 1:N0} ({Duration.Format(TimeSpan.FromSeconds((recording.LastTick + 1) / hz))}).");
                return 2;
            }
            stop = recording.LastTick + 1;
        }
        var clock = Stopwatch.StartNew();
        Replay.Replaying.ReplayResult? result = null;
        bool inPieces = to is null && profile is null && frameReplay is null && lanes > 1;
        try
        {
            if (inPieces)
            {
                // Pieces finish out of order, so progress counts the ticks checked.
                WorkProgress.Run("replaying", stop, ticks => $"{ticks:N0} ticks checked", progress => result = replayer.ReplayAll(lanes, (ticks, _) => progress(ticks)));
            }
            else
            {
                WorkProgress.Run("replaying", stop, tick => $"tick {tick:N0}", progress => result = replayer.ReplayTo(stop, seek: to is not null, tick =>
                {
                    profile?.Add(replayer.Run!.Simulation);
                    frameReplay?.AfterTick(replayer.Run!);
                    progress(tick + 1);
                }));
            }
        }
        catch (Replay.Replaying.ReplayException e)
        {
            Console.Error.WriteLine(inPieces ? $"{e.Message} (--lanes 1 replays from the start, without the snapshots.)" : e.Message);
            return 2;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        double simulated = result!.TicksVerified / hz;
        if (result.Divergence is { } divergence)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"The replay {divergence}."));
            return 1;
        }
        if (frameReplay is { Mismatched: > 0 })
        {
            // Every state hash matched: the world is the same, its frames are not.
            AnsiConsole.MarkupLine(Markup.Escape($"Every state hash matches, but the frames diverged. {frameReplay.Summary()}"));
            return 1;
        }
        string from = result.StartTick == 0 ? "from the start" : $"from the snapshot at tick {result.StartTick:N0}";
        string skipping = result.Skipped.Count == 0 ? "" : ", except the ticks the damage above left uncheckable";
        AnsiConsole.MarkupLine(Markup.Escape($"Verified {result.TicksVerified:N0} tick{(result.TicksVerified == 1 ? "" : "s")} {from} to tick {result.ReachedTick:N0} ({Duration.Format(TimeSpan.FromSeconds(result.ReachedTick / hz))}){skipping}: every state hash matches. "
            + $"{Duration.Format(TimeSpan.FromSeconds(simulated))} simulated in {seconds:F1} s ({simulated / Math.Max(seconds, 1e-9):F1}x real time); state hash {replayer.Run!.Simulation.StateHash:X16}."));
        if (frameReplay is not null)
        {
            Console.WriteLine(frameReplay.Summary());
        }
        profile?.Write(TimeSpan.FromSeconds(seconds));
        // Damage is exit 2 even when every tick that could be checked matched: 0 means the whole run was checked.
        string? tail = stop > recording.LastTick ? Recordings.Damage(recording) : null;
        string[] damage = [.. new[] { Recordings.Gaps(recording, result, stop), tail }.OfType<string>()];
        if (damage.Length > 0)
        {
            string lead = result.Skipped.Count == 0 && tail is null ? "Every tick was checked, but the recording is damaged" : "Only part of the run could be checked";
            Console.Error.WriteLine($"{lead}: {string.Join("; and ", damage)}.");
            return 2;
        }
        return 0;
    }
}
