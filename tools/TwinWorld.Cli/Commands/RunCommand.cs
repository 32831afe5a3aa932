using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using TwinWorld.Cli.Frames;
using TwinWorld.Cli.Summaries;
using TwinWorld.Cluster.Runs;
using TwinWorld.Generation.Rendering;
using TwinWorld.Replay.Forecasts;
using TwinWorld.Replay.Runs;
using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Model;
using TwinWorld.Scenarios.Running;
using TwinWorld.Simulation;

namespace TwinWorld.Cli.Commands;

/// <summary>
/// <c>twin run scenario.yaml</c>: validates a scenario (every error with file:line:column, exit 2)
/// and runs it. Headless, it runs as fast as it can with a progress bar; otherwise it keeps pace
/// with the clock (times <c>--speed</c>) and takes live actions from standard input, one per line,
/// written as in the scenario (<c>fire: {at: [500, 400]}</c>). It ends with the metrics over time
/// and the outcome; <c>--summary</c> also writes them as JSON (what <c>twin sweep</c> reads).
/// </summary>
internal static class RunCommand
{
    /// <summary><c>--model renderer</c>: no world model; the reference renderer draws every frame.</summary>
    private const string RendererOnly = "renderer";

    /// <summary>The default <c>--model</c>: the committed reference model, copied beside twin (TwinWorld.Cli.csproj).</summary>
    private static readonly string ReferenceModel = Path.Combine(AppContext.BaseDirectory, "models", "reference-tile-256.json");

    public static Command Create()
    {
        var file = new Argument<FileInfo>("scenario") { Description = "The scenario file (YAML)" };
        var set = new Option<string[]>("--set") { Description = "Override a declared parameter: --set name=value (repeatable)", AllowMultipleArgumentsPerToken = false };
        var until = Options.OptionalDuration("--until", "Stop after this much simulated time, even if the scenario goes on");
        var headless = new Option<bool>("--headless") { Description = "Run as fast as possible, without live input" };
        var speed = Options.Ranged("--speed", "Without --headless: how many times faster than real time", 1.0, 0.1, 1000.0);
        var workers = Options.Ranged("--workers", "Worker threads (results do not depend on it)", Environment.ProcessorCount, 1, 256);
        var seed = new Option<ulong?>("--seed") { Description = "Run with this seed instead of the scenario's" };
        var summary = new Option<FileInfo?>("--summary") { Description = "Also write the outcome, the evacuation time and the samples over time to this JSON file" };
        var record = new Option<FileInfo?>("--record") { Description = "Record the run to this file (for twin replay, whatif and compare)" };
        var snapshotEvery = Options.Duration("--snapshot-every", "With --record: simulated time between full snapshots (for seeking and forks)", TimeSpan.FromMinutes(1));
        var frames = new Option<DirectoryInfo?>("--frames") { Description = "Film the scenario's cameras: write their generated frames to this folder as <camera>/<tick>.jpg" };
        var camera = new Option<string?>("--camera") { Description = "With --frames: film only this camera (its name in the scenario)" };
        var fps = Options.Ranged("--fps", "With --frames: frames a second of simulated time, per camera", 5.0, 0.01, 1000.0);
        var resolution = Options.Ranged("--resolution", "With --frames: frames are this many pixels each way (the model's size; with --model renderer any)", ReferenceRenderer.DefaultResolution, 8, 1024);
        var jpegQuality = Options.Ranged("--jpeg-quality", "With --frames: JPEG quality, 1 (smallest) to 100 (best)", 85, 1, 100);
        var deadline = Options.ShortDuration("--deadline", "With --frames: how long a frame waits for the model before the renderer's is written instead", TimeSpan.FromMilliseconds(250));
        var model = new Option<string>("--model")
        {
            Description = $"With --frames: the world model that generates them (its JSON manifest), or '{RendererOnly}' for the reference renderer alone; the renderer stands in where the model fails or is late",
            DefaultValueFactory = _ => ReferenceModel,
        };
        var device = new Option<string>("--device") { Description = "With --model: cpu, cuda or cuda:N", DefaultValueFactory = _ => "cpu" };
        var profile = Options.Profile();
        var command = new Command("run", "Validate and run a scenario file") { file, set, until, headless, speed, workers, seed, summary, record, snapshotEvery, frames, camera, fps, resolution, jpegQuality, deadline, model, device, profile };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(set) ?? [], parse.GetValue(until), parse.GetValue(headless), parse.GetValue(speed), parse.GetValue(workers),
            parse.GetValue(seed), parse.GetValue(summary), parse.GetValue(record), parse.GetValue(snapshotEvery).Value,
            parse.GetValue(frames) is { } folder
                ? new FrameSettings(folder.FullName, parse.GetValue(camera), parse.GetValue(fps), parse.GetResult(resolution) is { Implicit: false } ? parse.GetValue(resolution) : null, parse.GetValue(jpegQuality), parse.GetValue(deadline).Value, parse.GetValue(headless),
                    parse.GetValue(model) is { } manifest and not RendererOnly ? Path.GetFullPath(manifest) : null, parse.GetValue(device)!)
                : null,
            parse.GetValue(profile) ? new TickProfile() : null));
        return command;
    }

    private static int Run(FileInfo file, string[] sets, TimeSpan? until, bool headless, double speed, int workers, ulong? seed, FileInfo? summary, FileInfo? record, TimeSpan snapshotEvery,
        FrameSettings? frameSettings, TickProfile? profile)
    {
        if (Options.Overrides(sets, out string? badSet) is not { } overrides)
        {
            Console.Error.WriteLine(badSet);
            return 2;
        }
        string? badOutput = snapshotEvery <= TimeSpan.Zero ? $"--snapshot-every {Duration.Format(snapshotEvery)}: snapshots need a time between them above 0."
            : OutputPaths.NewFileProblem("--record", record) ?? OutputPaths.FileProblem("--summary", summary)
            ?? OutputPaths.FolderProblem("--frames", frameSettings is null ? null : new DirectoryInfo(frameSettings.Folder));
        if (badOutput is not null)
        {
            Console.Error.WriteLine(badOutput);
            return 2;
        }
        var setup = Stopwatch.StartNew();
        var load = ScenarioLoader.Load(file.FullName, overrides);
        if (load.Scenario is not { } scenario)
        {
            foreach (var error in load.Errors)
            {
                Console.Error.WriteLine(error with { File = file.ToString() });
            }
            Console.Error.WriteLine($"{load.Errors.Count} error(s); the scenario did not run.");
            return 2;
        }
        if (seed is { } own)
        {
            scenario = scenario with { Seed = own };
        }
        var run = new ScenarioRun(scenario, workers);
        FrameOutput? frames = null;
        if (frameSettings is not null && (frames = FrameOutput.Create(run, frameSettings, out string? framesError)) is null)
        {
            Console.Error.WriteLine(framesError);
            return 2;
        }
        var terrain = scenario.Site.Terrain;
        AnsiConsole.MarkupLine(Markup.Escape($"Scenario '{scenario.Name}': {scenario.Description}"));
        AnsiConsole.MarkupLine(Markup.Escape($"Map {terrain.Width} x {terrain.Height} cells of {terrain.CellSize} m; {run.Simulation.World.CountEntities(new Ecs.QueryDescription().WithAll<Simulation.Agents.Agent>()):N0} agents; seed {scenario.Seed}; set up in {setup.ElapsedMilliseconds} ms."));
        foreach (var parameter in scenario.Parameters)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"  {parameter.Name} = {parameter.Value}{(parameter.Value != parameter.Default ? $" (default {parameter.Default})" : "")}"));
        }
        RunRecorder? recorder = null;
        if (record is not null)
        {
            var header = RunHeader.For(scenario, overrides, run.SetupHash, (long)Math.Round(snapshotEvery.TotalSeconds * scenario.TickRateHz));
            if (!Recordings.TryStart(record, run, header, out recorder))
            {
                return 2;
            }
            AnsiConsole.MarkupLine(Markup.Escape($"Recording to {record} (a snapshot every {Duration.Format(snapshotEvery)}){(frames is null ? "" : ", with a hash of every generated frame")}."));
            frames?.Record(recorder!);
        }
        var clock = Stopwatch.StartNew();
        // The evacuation time needs the count after every tick: metric samples are minutes apart.
        var evacuation = new EvacuationClock();
        Action<TickReport> observe = report =>
        {
            recorder?.Record(report);
            frames?.AfterTick();
            profile?.Add(run.Simulation);
            if (summary is not null)
            {
                evacuation.Observe(run.Simulation.SimulatedTime, run.Simulation.MeasureOutcome().Evacuated);
            }
        };
        (IReadOnlyList<string> Lines, bool Failed) filmed = ([], false);
        using (frames)
        using (recorder)
        {
            if (headless)
            {
                RunHeadless(run, until, observe);
            }
            else
            {
                RunLive(run, until, speed, observe);
            }
            // Frames first: the last ones are still being made, and their hashes belong in the recording.
            if (frames is not null)
            {
                filmed = frames.Finish();
            }
            recorder?.Finish();
        }
        Report(run, clock.Elapsed);
        profile?.Write(clock.Elapsed);
        foreach (string line in filmed.Lines)
        {
            // Plain, not through Spectre: a line scripts match must not wrap at the console's width.
            Console.WriteLine(line);
        }
        if (recorder is not null)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"Recorded {run.Simulation.Tick:N0} ticks and {recorder.Snapshots} snapshots to {record} ({new FileInfo(recorder.Path).Length / 1e6:F1} MB; snapshots took {recorder.SnapshotMilliseconds:F0} ms of the tick thread)."));
        }
        if (summary is not null)
        {
            try
            {
                RunSummary.Of(run, evacuation).Write(summary.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"--summary {summary}: cannot write it: {e.Message}");
                return 1;
            }
            AnsiConsole.MarkupLine(Markup.Escape($"Summary written to {summary}."));
        }
        return filmed.Failed ? 1 : 0;
    }

    private static void RunHeadless(ScenarioRun run, TimeSpan? until, Action<TickReport> observe)
    {
        double total = Math.Min(run.Scenario.End.After.TotalSeconds, until?.TotalSeconds ?? double.MaxValue);
        WorkProgress.Run("simulating", total, seconds => Duration.Format(TimeSpan.FromSeconds(seconds)), progress => run.RunToEnd(until, report =>
        {
            observe(report);
            progress(run.Simulation.SimulatedTime.TotalSeconds);
        }));
    }

    /// <summary>
    /// Keeps pace with the clock; a reader thread hands typed actions to the run, and
    /// <c>forecast 10m [action]</c> runs a copy of the world ahead without disturbing it.
    /// </summary>
    private static void RunLive(ScenarioRun run, TimeSpan? until, double speed, Action<TickReport> observe)
    {
        const string Usage = "type actions as in the scenario, one per line (e.g. fire: {at: [500, 400]}), or end: reason; "
            + "'forecast 10m' (optionally followed by an action) runs a copy ahead to see what comes; 'help' repeats this.";
        AnsiConsole.MarkupLine(Markup.Escape($"Live: {Usage}"));
        var forecasts = new LiveForecasts();
        var reader = new Thread(() =>
        {
            while (Console.In.ReadLine() is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                if (line.Trim() is "help" or "?")
                {
                    Console.WriteLine(Usage);
                    continue;
                }
                if (line.TrimStart().StartsWith("forecast", StringComparison.Ordinal))
                {
                    Forecast(forecasts, line.Trim()["forecast".Length..].Trim(), run.Scenario.End.After - run.Simulation.SimulatedTime);
                    continue;
                }
                var errors = run.Inject(line);
                Console.WriteLine(errors.Count == 0 ? $"accepted: {line.Trim()}" : string.Join(Environment.NewLine, errors));
            }
        })
        { IsBackground = true, Name = "live input" };
        reader.Start();
        var inner = observe;
        observe = report =>
        {
            inner(report);
            forecasts.ServiceBetweenTicks(run);
        };
        var pace = Stopwatch.StartNew();
        double secondsPerTick = 1 / run.Simulation.TickRateHz / speed;
        int logged = 0;
        run.RunToEnd(until, report =>
        {
            observe(report);
            foreach (string entry in run.Log.Skip(logged))
            {
                Console.WriteLine(entry);
            }
            logged = run.Log.Count;
            double ahead = (run.Simulation.Tick * secondsPerTick) - pace.Elapsed.TotalSeconds;
            if (ahead > 0)
            {
                Thread.Sleep(TimeSpan.FromSeconds(ahead));
            }
        });
    }

    /// <summary>
    /// Starts a forecast ("10m", then an optional action) and prints its outcome as it streams back; one past the
    /// scenario's end (<paramref name="left"/> from now) is told it stops there.
    /// </summary>
    private static void Forecast(LiveForecasts forecasts, string request, TimeSpan left)
    {
        int space = request.IndexOf(' ');
        string ahead = space < 0 ? request : request[..space];
        string[] actions = space < 0 ? [] : [request[(space + 1)..]];
        if (!Duration.TryParse(ahead, out var horizon, out _) || horizon <= TimeSpan.Zero)
        {
            Console.WriteLine($"forecast: '{ahead}' is not a time ahead; write e.g. forecast 10m wind: {{speed: 12, from: 270}}");
            return;
        }
        if (horizon > left)
        {
            Console.WriteLine($"forecast: the scenario ends {Duration.Format(left)} from now, so the forecast stops there.");
            horizon = left;
        }
        var every = TimeSpan.FromSeconds(Math.Max(1, Math.Round(horizon.TotalSeconds / 10)));
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var sample in forecasts.Forecast(horizon, actions, every))
                {
                    var o = sample.Outcome;
                    Console.WriteLine($"forecast {Duration.Format(sample.At)}: {o.Evacuated:N0} evacuated, {o.Injured:N0} injured, {o.Incapacitated:N0} incapacitated, "
                        + $"flooded {o.FloodedArea / 10_000:F2} ha, burned {o.BurnedArea / 10_000:F2} ha, damaged buildings {o.DamagedBuildingArea:N0} m2");
                }
                Console.WriteLine("forecast: done");
            }
            catch (ForecastException e)
            {
                Console.WriteLine($"forecast: {e.Message}");
            }
        });
    }

    private static void Report(ScenarioRun run, TimeSpan wall)
    {
        var metrics = run.Scenario.Metrics;
        var table = new Table().Title("Metrics").AddColumn("time");
        foreach (var metric in metrics)
        {
            table.AddColumn(new TableColumn(Label(metric)).RightAligned());
        }
        foreach (var (at, outcome) in run.Samples)
        {
            table.AddRow([Duration.Format(at), .. metrics.Select(m => Show(m, MetricValues.Of(outcome, m)))]);
        }
        AnsiConsole.Write(table);
        foreach (string entry in run.Log)
        {
            AnsiConsole.MarkupLine(Markup.Escape(entry));
        }
        var last = run.Samples[^1].Outcome;
        AnsiConsole.MarkupLine(Markup.Escape($"Outcome: {last.Agents:N0} agents, {last.Evacuated:N0} evacuated, {last.Injured:N0} injured, {last.Incapacitated:N0} incapacitated; "
            + $"flooded {last.FloodedArea / 10_000:F2} ha (deepest {last.MaxInundationDepth:F2} m); burned {last.BurnedArea / 10_000:F2} ha; damaged buildings {last.DamagedBuildingArea:N0} m2."));
        AnsiConsole.MarkupLine(Markup.Escape($"The run {run.EndReason}; {Duration.Format(run.Simulation.SimulatedTime)} simulated in {wall.TotalSeconds:F1} s ({run.Simulation.SimulatedTime.TotalSeconds / Math.Max(wall.TotalSeconds, 1e-9):F1}x real time); final state hash {run.Simulation.StateHash:X16}."));
    }

    private static string Label(Metric metric) => metric switch
    {
        Metric.FloodedArea => "flooded ha",
        Metric.BurnedArea => "burned ha",
        Metric.MaxDepth => "max depth m",
        Metric.DamagedBuildings => "damaged bldg m2",
        _ => metric.ToString().ToLowerInvariant(),
    };

    private static string Show(Metric metric, double value) => metric switch
    {
        Metric.FloodedArea or Metric.BurnedArea => (value / 10_000).ToString("F2"),
        Metric.MaxDepth => value.ToString("F2"),
        _ => value.ToString("N0"),
    };
}
