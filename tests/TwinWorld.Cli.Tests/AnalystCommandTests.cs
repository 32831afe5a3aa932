using System.Diagnostics;
using System.Text.RegularExpressions;
using TwinWorld.Replay.Recording;
using TwinWorld.Replay.Runs;

namespace TwinWorld.Cli.Tests;

/// <summary>The analyst's path through the real CLI: record a shipped scenario, replay it, fork it, compare, report; and a recording killed mid-run.</summary>
public class AnalystCommandTests
{
    private static string Shipped(string name) => Path.Combine(AppContext.BaseDirectory, "Shipped", name);

    [Fact]
    public void Record_replay_fork_with_a_changed_parameter_and_report_the_difference()
    {
        string folder = Directory.CreateTempSubdirectory("twin-analyst-").FullName;
        string baseline = Path.Combine(folder, "baseline.twrec");
        string westerly = Path.Combine(folder, "westerly.twrec");

        var run = Twin.Run("run", Shipped("wildfire-wui.yaml"), "--headless", "--until", "6m", "--record", baseline, "--snapshot-every", "1m");
        Assert.True(run.ExitCode == 0, run.Errors + run.Output);
        Assert.Contains("Recorded 7,200 ticks and 6 snapshots", run.Output);

        var replay = Twin.Run("replay", baseline, "--lanes", "2");
        Assert.True(replay.ExitCode == 0, replay.Errors + replay.Output);
        Assert.Contains("Verified 7,200 ticks from the start to tick 7,200 (6m00s): every state hash matches", replay.Output);

        var seek = Twin.Run("replay", baseline, "--to", "4m30s", "--profile");
        Assert.True(seek.ExitCode == 0, seek.Errors + seek.Output);
        Assert.Contains("Verified 600 ticks from the snapshot at tick 4,800 to tick 5,400 (4m30s)", seek.Output);
        Assert.Contains("Time per part over 600 ticks", seek.Output);
        Assert.Matches(@"│ act\s+│\s+[\d.]+\s+│\s+[\d.]+\s+│\s+\d+ %", seek.Output);

        // The wind shifts at 4 minutes; fork before it, with the shift from the west instead of the east.
        string report = Path.Combine(folder, "report");
        var whatIf = Twin.Run("whatif", baseline, "--at", "3m", "--set", "shift_from=270", "--record", westerly, "--report", report);
        Assert.True(whatIf.ExitCode == 0, whatIf.Errors + whatIf.Output);
        Assert.Contains("What if, from 3m00s (tick 3,600): shift_from=270.", whatIf.Output);
        Assert.Contains("From the fork on, the parameters change: the wind change at 4m00s.", whatIf.Output);
        // The what-if's row shows at least one difference from the recorded run, as "(+n)" or "(-n)".
        Assert.Matches(@"what-if\s+│\s+shift_from=270\s+│\s+6m00s\s+│.*\([+-][\d.,]+\)", whatIf.Output);
        string html = File.ReadAllText(Path.Combine(report, "report.html"));
        Assert.Contains("shift_from=270", html);
        Assert.True(File.Exists(Path.Combine(report, "report.csv")));

        var forkReplay = Twin.Run("replay", westerly);
        Assert.True(forkReplay.ExitCode == 0, forkReplay.Errors + forkReplay.Output);
        Assert.Contains("A what-if forked from", forkReplay.Output);
        Assert.Contains("every state hash matches", forkReplay.Output);

        var compare = Twin.Run("compare", baseline, westerly);
        Assert.True(compare.ExitCode == 0, compare.Errors + compare.Output);
        Assert.Matches(@"westerly\s+│\s+shift_from=270", compare.Output);
    }

    [Fact]
    public async Task A_recording_killed_mid_run_opens_reports_its_cut_and_replays_every_whole_tick()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("twin-kill-").FullName, "killed.twrec");
        var (process, output, _) = Twin.Start("run", Shipped("tornado-town.yaml"), "--headless", "--record", path, "--snapshot-every", "20s");
        var clock = Stopwatch.StartNew();
        // Past the first snapshots, so the kill lands mid-stream with records in flight.
        while (!(File.Exists(path) && new FileInfo(path).Length > 3_000_000) && clock.Elapsed < TimeSpan.FromMinutes(2) && !process.HasExited)
        {
            Thread.Sleep(20);
        }
        Assert.False(process.HasExited, "the run ended before it could be killed: " + (process.HasExited ? await output : ""));
        process.Kill(); // SIGKILL: no finally blocks, no flush
        await process.WaitForExitAsync();

        var replay = Twin.Run("replay", path);

        Assert.True(replay.ExitCode == 0, replay.Errors + replay.Output);
        Assert.Contains("The recording has no end record: the run was stopped or killed while recording.", replay.Output);
        Assert.Contains("every state hash matches", replay.Output);
    }

    [Fact]
    public void Replaying_something_that_is_not_a_recording_exits_2_with_a_reason()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("twin-bad-").FullName, "notes.twrec");
        File.WriteAllText(path, "not a recording");

        var (exitCode, _, errors) = Twin.Run("replay", path);

        Assert.Equal(2, exitCode);
        Assert.Contains("is not a TwinWorld recording", errors);
    }

    [Fact]
    public void A_fork_that_would_change_the_population_mid_run_is_refused_and_at_0_it_runs()
    {
        string folder = Directory.CreateTempSubdirectory("twin-setup-").FullName;
        string scenario = Path.Combine(folder, "people.yaml");
        File.WriteAllText(scenario, """
            scenario: people
            parameters:
              people: {default: 100, min: 10, max: 1000}
            map:
              procedural: {size: 128, seed: 7}
            population:
              - {name: residents, kind: civilian, count: $people, area: low_ground}
            end:
              after: 2m
            """);
        string path = Path.Combine(folder, "people.twrec");
        Assert.Equal(0, Twin.Run("run", scenario, "--headless", "--until", "1m", "--record", path).ExitCode);

        var midRun = Twin.Run("whatif", path, "--at", "30s", "--set", "people=200");
        var fromStart = Twin.Run("whatif", path, "--at", "0", "--set", "people=200");

        Assert.Equal(2, midRun.ExitCode);
        Assert.Contains("These changes alter the world's setup", midRun.Errors);
        Assert.True(fromStart.ExitCode == 0, fromStart.Errors + fromStart.Output);
        Assert.Contains("people=200", fromStart.Output);
    }

    /// <summary>A one-minute scenario on a small map whose parameter sets the starting wind and the change at 20 s; recorded into a new folder.</summary>
    /// <summary>Output with its runs of white space (Spectre's wrapping at the console's width included) as single spaces.</summary>
    private static string Flat(string output) => Regex.Replace(output, @"\s+", " ");

    private static (string Folder, string Scenario, string Recording) RecordWindy()
    {
        string folder = Directory.CreateTempSubdirectory("twin-windy-").FullName;
        string scenario = Path.Combine(folder, "windy.yaml");
        File.WriteAllText(scenario, """
            scenario: windy
            parameters:
              wind: {default: 5, min: 0, max: 30}
            map:
              procedural: {size: 128, seed: 7}
            population:
              - {name: residents, kind: civilian, count: 50, area: low_ground}
            weather:
              wind: {speed: $wind, from: 0}
              changes:
                - {at: 20s, speed: $wind, from: 90}
            end:
              after: 1m
            """);
        string path = Path.Combine(folder, "windy.twrec");
        Assert.Equal(0, Twin.Run("run", scenario, "--headless", "--record", path).ExitCode);
        return (folder, scenario, path);
    }

    [Fact]
    public void A_changed_parameter_used_only_before_the_fork_is_refused_with_where_it_was_used()
    {
        var (_, _, path) = RecordWindy();

        var tooLate = Twin.Run("whatif", path, "--at", "30s", "--set", "wind=15");
        var unchanged = Twin.Run("whatif", path, "--at", "10s", "--set", "wind=5");
        var inTime = Twin.Run("whatif", path, "--at", "10s", "--set", "wind=15");

        Assert.Equal(2, tooLate.ExitCode);
        Assert.Contains("--set wind=15 changes nothing from 0m30s on: it changes only the wind at 0m00s, the wind change at 0m20s, before the fork.", tooLate.Errors);
        Assert.Contains("--do", tooLate.Errors);
        Assert.Equal(2, unchanged.ExitCode);
        Assert.Contains("--set wind=5 changes nothing: the recorded run has that already.", unchanged.Errors);
        Assert.True(inTime.ExitCode == 0, inTime.Errors + inTime.Output);
        Assert.Contains("From the fork on, the parameters change: the wind change at 0m20s.", inTime.Output);
    }

    [Fact]
    public void Bad_output_paths_and_fork_spans_are_refused_before_any_work_with_one_line_and_exit_2()
    {
        var (folder, scenario, path) = RecordWindy();
        string earlierSweep = Path.Combine(folder, "sweep");
        Directory.CreateDirectory(Path.Combine(earlierSweep, "runs"));
        File.WriteAllText(Path.Combine(earlierSweep, "runs", "v1-seed1.json"), "{}");

        (string[] Args, string Error)[] cases =
        [
            (["whatif", path, "--at", "10s", "--record", path], "--record " + path + ": the file already exists; give a new name."),
            (["whatif", path, "--at", "10s", "--report", "/proc/no-such-folder"], "--report /proc/no-such-folder: cannot make that folder"),
            (["whatif", path, "--at", "1m"], "the recording ends there, and the fork runs to where it ends; give --until to run it further."),
            (["whatif", path, "--at", "30s", "--until", "20s"], "--until 0m20s is not after the fork at 0m30s"),
            (["run", scenario, "--headless", "--record", folder], "--record " + folder + ": that is a folder; give a file name."),
            (["run", scenario, "--headless", "--record", Path.Combine(folder, "s.twrec"), "--snapshot-every", "0s"], "snapshots need a time between them above 0"),
            (["replay", folder], folder + " is a folder, not a recording."),
            (["sweep", scenario, "--vary", "wind=5,10", "--seeds", "1", "--out", earlierSweep], "the folder holds an earlier sweep's results"),
            (["sweep", scenario, "--vary", "wind=5,10", "--seeds", "1", "--out", path], "that is a file; give a folder."),
        ];
        foreach (var (args, error) in cases)
        {
            var result = Twin.Run(args);
            Assert.True(result.ExitCode == 2, $"{string.Join(' ', args)}: exit {result.ExitCode}{Environment.NewLine}{result.Errors}");
            Assert.Contains(error, result.Errors);
            Assert.DoesNotContain("Unhandled exception", result.Errors);
            Assert.DoesNotContain("replaying", result.Output);
        }
    }

    [Fact]
    public void Overrides_valid_only_together_fork_and_a_fork_after_the_scenario_ended_is_refused()
    {
        var (folder, _, path) = RecordWindy();
        string twister = Path.Combine(folder, "twister.yaml");
        File.WriteAllText(twister, """
            scenario: twister
            parameters:
              speed: {default: 12, min: 1, max: 40}
              max_wind: {default: 60, min: 11, max: 140}
            map:
              procedural: {size: 128, seed: 7}
            population:
              - {name: residents, kind: civilian, count: 50, area: low_ground}
            events:
              - at: 30s
                tornado: {from: [20, 20], to: [230, 230], speed: $speed, max_wind: $max_wind}
            end:
              after: 1m
            """);
        string recorded = Path.Combine(folder, "twister.twrec");
        Assert.Equal(0, Twin.Run("run", twister, "--headless", "--set", "speed=30", "--set", "max_wind=40", "--record", recorded).ExitCode);

        // max_wind=20 alone is below the recorded speed of 30; with speed=10 beside it, it is a tornado.
        var pair = Twin.Run("whatif", recorded, "--at", "10s", "--set", "speed=10", "--set", "max_wind=20");
        var afterTheEnd = Twin.Run("whatif", path, "--at", "1m", "--until", "2m", "--do", "wind: {speed: 3, from: 0}");

        Assert.True(pair.ExitCode == 0, pair.Errors + pair.Output);
        Assert.Contains("From the fork on, the parameters change: the tornado at 0m30s.", pair.Output.ReplaceLineEndings(" "));
        Assert.Equal(2, afterTheEnd.ExitCode);
        Assert.Contains("At tick 1200 the recorded run had already ended (reached the end time, 1m00s): a fork there has nothing to run.", afterTheEnd.Errors);
    }

    [Fact]
    public void Tables_line_runs_up_at_the_same_moment_name_what_a_what_if_did_and_warn_when_runs_do_not_compare()
    {
        var (folder, scenario, path) = RecordWindy();
        string otherSeed = Path.Combine(folder, "seed5.twrec");
        Assert.Equal(0, Twin.Run("run", scenario, "--headless", "--seed", "5", "--record", otherSeed).ExitCode);
        string calm = Path.Combine(folder, "calm.yaml");
        File.WriteAllText(calm, File.ReadAllText(scenario).Replace("scenario: windy", "scenario: calm"));
        string calmRun = Path.Combine(folder, "calm.twrec");
        Assert.Equal(0, Twin.Run("run", calm, "--headless", "--record", calmRun).ExitCode);

        var whatIf = Twin.Run("whatif", path, "--at", "10s", "--until", "30s", "--do", "wind: {speed: 20, from: 180}");
        var seeds = Twin.Run("compare", path, otherSeed);
        var scenarios = Twin.Run("compare", path, calmRun);

        Assert.True(whatIf.ExitCode == 0, whatIf.Errors + whatIf.Output);
        // The recorded run is read at the fork's end, 30 s, not at its own 1 min.
        Assert.Matches(@"recorded\s+│\s+defaults\s+│\s+0m30s\s+│\s+50\s+│", whatIf.Output);
        Assert.Matches(@"what-if\s+│\s+wind: \{speed: 20, from: 180\}\s+│\s+0m30s", whatIf.Output);
        Assert.DoesNotContain("Warning", whatIf.Output);
        Assert.True(seeds.ExitCode == 0, seeds.Errors + seeds.Output);
        Assert.Matches(@"seed5\s+│\s+defaults, seed 5\s+│", seeds.Output);
        Assert.DoesNotContain("Warning", seeds.Output);
        Assert.Contains("Warning: these are runs of different scenarios (windy, calm)", scenarios.Output);
    }

    [Fact]
    public void A_recording_damaged_mid_file_with_no_snapshot_after_the_damage_checks_up_to_it_then_says_so_and_exits_2()
    {
        var (folder, _, path) = RecordWindy();
        string damaged = Path.Combine(folder, "damaged.twrec");
        byte[] bytes = File.ReadAllBytes(path);
        bytes.AsSpan(bytes.Length / 3, 4).Fill(0xFF);
        File.WriteAllBytes(damaged, bytes);

        var replay = Twin.Run("replay", damaged);

        Assert.Equal(2, replay.ExitCode);
        Assert.Matches(@"damaged\.twrec: damaged: bytes [\d,]+ to [\d,]+ \([\d,]+ bytes, [a-z ]+\) were skipped: ticks? [\d,]+( to [\d,]+)? lost; no snapshot after them, so the ticks after them are unverified\.", replay.Output);
        Assert.Contains("The run reached the end time", replay.Output);
        Assert.Contains("every state hash matches", Flat(replay.Output));
        Assert.Matches(@"^Only part of the run could be checked: the file is damaged in 1 place \(listed above\), which took [\d,]+ ticks?; [\d,]+ more ticks after the damage, before a snapshot to start again from, could not be checked\.", replay.Errors);
    }

    [Fact]
    public void A_recording_damaged_in_two_places_names_each_gap_checks_again_from_the_next_snapshot_and_exits_2()
    {
        var (folder, scenario, _) = RecordWindy();
        string path = Path.Combine(folder, "snapshots.twrec");
        Assert.Equal(0, Twin.Run("run", scenario, "--headless", "--record", path, "--snapshot-every", "10s").ExitCode);
        byte[] bytes = File.ReadAllBytes(path);
        using (var reader = RecordingReader.Open(path))
        {
            // A byte in the records of ticks 300 and 700 (a snapshot every 200 ticks).
            for (int i = 0; i < reader.Records.Count; i++)
            {
                if (reader.Records[i].Kind == RecordKind.Tick && TickRecord.FromBytes(reader.ReadPayload(i)).Tick is 300 or 700)
                {
                    bytes[reader.Records[i].PayloadOffset + 12] ^= 0x08;
                }
            }
        }
        string damaged = Path.Combine(folder, "damaged.twrec");
        File.WriteAllBytes(damaged, bytes);

        var replay = Twin.Run("replay", damaged);

        Assert.Equal(2, replay.ExitCode);
        string[] gaps = [.. replay.Output.Split('\n').Where(line => line.Contains("damaged.twrec: damaged: bytes ", StringComparison.Ordinal))];
        Assert.Equal(2, gaps.Length);
        Assert.EndsWith("bytes, checksum mismatch) were skipped: tick 300 lost, ticks 301 to 399 unverified, checked again from the snapshot at tick 400.", gaps[0].TrimEnd());
        Assert.EndsWith("bytes, checksum mismatch) were skipped: tick 700 lost, ticks 701 to 799 unverified, checked again from the snapshot at tick 800.", gaps[1].TrimEnd());
        Assert.Contains("Verified 1,000 ticks from the start to tick 1,200 (1m00s), except the ticks the damage above left uncheckable: every state hash matches.", Flat(replay.Output));
        Assert.Equal("Only part of the run could be checked: the file is damaged in 2 places (listed above), which took 2 ticks; 198 more ticks after the damage, before a snapshot to start again from, could not be checked.", replay.Errors.Trim());
    }

    [Fact]
    public void A_live_run_forecasts_ahead_on_request_and_carries_on()
    {
        var (exitCode, output, _) = Twin.RunWithInput("forecast 2m wind: {speed: 20, from: 90}\nforecast soon\n",
            "run", Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-fire.yaml"), "--until", "40s", "--speed", "4");

        Assert.Equal(0, exitCode);
        Assert.Contains("forecast: 'soon' is not a time ahead", output);
        Assert.Equal(10, output.Split('\n').Count(line => line.StartsWith("forecast ") && line.Contains(" evacuated, ")));
        Assert.Contains("forecast: done", output);
        Assert.Contains("The run stopped at 0m40s", output);
    }

    [Fact]
    public void A_live_run_answers_help_and_says_when_a_forecast_would_run_past_the_scenarios_end()
    {
        var (exitCode, output, _) = Twin.RunWithInput("help\nforecast 99h\n",
            "run", Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-fire.yaml"), "--until", "8s", "--speed", "4");

        Assert.Equal(0, exitCode);
        // Once at the start (after "Live: ") and once for the help typed.
        Assert.Contains(output.Split('\n'), line => line.StartsWith("type actions as in the scenario", StringComparison.Ordinal));
        Assert.Matches(@"forecast: the scenario ends (29m5\ds|30m00s) from now, so the forecast stops there\.", output);
        Assert.DoesNotContain("live:1:1", output);
    }
}
