using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using TwinWorld.Cli.Sweeps;
using TwinWorld.Cluster.Runs;
using TwinWorld.Cluster.Silos;
using TwinWorld.Cluster.Sweeps;
using TwinWorld.Scenarios.Loading;
using TwinWorld.Simulation;

namespace TwinWorld.Cli.Commands;

/// <summary>
/// <c>twin sweep scenario.yaml --vary name=a..b:steps --seeds N</c>: runs every combination of the
/// varied parameters with N seeds each, every run its own <c>twin run</c> child process, a few at a
/// time, then tabulates each variant's outcomes across the seeds (mean, 50th and 95th percentiles)
/// on the console and as CSV. Every variant is loaded before any run starts, so a bad value is an
/// error up front (exit 2); a run that fails later is reported and the sweep goes on (exit 1 at the end).
/// With <c>--cluster</c> the runs go to a cluster's silos instead (<c>twin silo</c>), with the same
/// tables and run files.
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("scenario") { Description = "The scenario file (YAML)" };
        var vary = new Option<string[]>("--vary")
        {
            Description = "Vary a declared parameter: name=a..b:steps (steps evenly spaced values, a and b included) or name=v1,v2,... (repeatable; every combination runs)",
            AllowMultipleArgumentsPerToken = false,
        };
        var seeds = Options.Ranged("--seeds", "Runs per variant, with seeds the scenario's seed, +1, +2, ...", 1, 1, 100_000);
        // Required: how many repeats a question needs is the analyst's call, not a default's.
        seeds.DefaultValueFactory = null;
        seeds.Required = true;
        var parallel = Options.Ranged("--parallel", "How many runs at a time (with --cluster: on the cluster, where by default all are sent and each silo runs its share)", Environment.ProcessorCount, 1, 100_000);
        var until = Options.OptionalDuration("--until", "Stop every run after this much simulated time");
        var set = new Option<string[]>("--set") { Description = "Override a declared parameter in every run: --set name=value (repeatable)", AllowMultipleArgumentsPerToken = false };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for summary.csv, runs.csv and each run's summary (default: sweep-<scenario>-<date>-<time>)" };
        var cluster = new Option<string?>("--cluster") { Description = $"Run on the cluster at this address instead of here: {ClusterAddress.Forms}" };
        var clusterId = new Option<string>("--cluster-id") { Description = "With --cluster: the cluster's name (as its silos' --cluster-id)", DefaultValueFactory = _ => SiloSettings.DefaultClusterId };
        var command = new Command("sweep", "Run a scenario over combinations of parameter values and several seeds; tabulate the outcomes") { file, vary, seeds, parallel, until, set, output, cluster, clusterId };
        command.SetAction((parse, token) => Sweep(parse.GetValue(file)!, parse.GetValue(vary) ?? [], parse.GetValue(seeds),
            parse.GetResult(parallel) is { Implicit: false } ? parse.GetValue(parallel) : null, parse.GetValue(until), parse.GetValue(set) ?? [], parse.GetValue(output),
            parse.GetValue(cluster), parse.GetValue(clusterId)!, token));
        return command;
    }

    private static async Task<int> Sweep(FileInfo file, string[] varyTexts, int seedCount, int? parallelGiven, TimeSpan? until, string[] sets, DirectoryInfo? output,
        string? clusterText, string clusterId, CancellationToken token)
    {
        ClusterAddress? address = null;
        if (clusterText is not null && (address = ClusterAddress.Parse(clusterText, out string? badCluster)) is null)
        {
            Console.Error.WriteLine(badCluster);
            return 2;
        }
        if (Options.Overrides(sets, out string? badSet) is not { } fixedValues)
        {
            Console.Error.WriteLine(badSet);
            return 2;
        }
        if (ReadVaried(varyTexts, fixedValues) is not { } varied)
        {
            return 2;
        }
        var load = ScenarioLoader.Load(file.FullName, fixedValues);
        if (load.Scenario is not { } scenario)
        {
            return Refuse(load.Errors.Select(e => (e with { File = file.ToString() }).ToString()).ToList(), "the scenario");
        }
        var variants = Variant.Combine(varied);
        if (Validate(file, fixedValues, varied, variants) is { Count: > 0 } problems)
        {
            return Refuse(problems, "the sweep's variants");
        }

        // Before the output folder, which checking creates: a sweep that cannot start leaves nothing behind.
        await using var connection = address is null ? null : await Connect(address, clusterId, token);
        if (address is not null && connection is null)
        {
            return 2;
        }

        var folder = output ?? new DirectoryInfo($"sweep-{scenario.Name}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        // Not over an earlier sweep, whose run files would mix with this one's.
        string runsPath = Path.Combine(folder.FullName, "runs");
        bool earlier = File.Exists(Path.Combine(folder.FullName, "summary.csv")) || File.Exists(Path.Combine(folder.FullName, "runs.csv"))
            || (Directory.Exists(runsPath) && Directory.EnumerateFiles(runsPath).Any());
        string? badOut = File.Exists(folder.FullName) ? $"--out {folder}: that is a file; give a folder."
            : earlier ? $"--out {folder}: the folder holds an earlier sweep's results; give a new or empty one, so that its runs do not mix with this one's."
            : OutputPaths.FolderProblem("--out", folder);
        if (badOut is not null)
        {
            return Refuse([badOut], "the options");
        }
        ulong[] seeds = [.. Enumerable.Range(0, seedCount).Select(i => scenario.Seed + (ulong)i)];
        string[] parameters = [.. varied.Select(v => v.Name)];
        var runsFolder = folder.CreateSubdirectory("runs");
        SweepRun[] runs = [.. variants.SelectMany(v => seeds.Select(s => new SweepRun(v, s, Path.Combine(runsFolder.FullName, $"{v.Label}-seed{s}.json"))))];
        string stop = until is { } u ? $", each stopped at {Duration.Format(u)}" : "";
        ISweepRunner runner;
        if (connection is not null)
        {
            int inFlight = parallelGiven ?? runs.Length;
            AnsiConsole.MarkupLine(Markup.Escape($"Sweep of '{scenario.Name}': {variants.Count} variant(s) x {seedCount} seed(s) ({Seeds(seeds)}) = {runs.Length} runs, on the cluster at {address} ({await connection.ActiveSilos()} silo(s)), {Math.Min(inFlight, runs.Length)} sent at a time{stop}."));
            string yaml = await File.ReadAllTextAsync(file.FullName, token);
            runner = new ClusterSweepRunner(new ClusterSweep(connection.Client), run => new RunRequest(new ScenarioSource(yaml, file.FullName, Overrides(fixedValues, run), run.Seed), until), inFlight);
        }
        else
        {
            int parallel = parallelGiven ?? Environment.ProcessorCount;
            // Each child gets its share of the cores; results do not depend on a run's worker count.
            int workers = Math.Max(1, Environment.ProcessorCount / parallel);
            AnsiConsole.MarkupLine(Markup.Escape($"Sweep of '{scenario.Name}': {variants.Count} variant(s) x {seedCount} seed(s) ({Seeds(seeds)}) = {runs.Length} runs, {Math.Min(parallel, runs.Length)} at a time, {workers} worker thread(s) each{stop}."));
            runner = new SweepRunner(run => ChildArgs(file, run, fixedValues, until, workers), parallel);
        }
        foreach (var variant in variants.Where(v => v.Values.Count > 0))
        {
            AnsiConsole.MarkupLine(Markup.Escape($"  {variant.Label}: {variant}"));
        }

        var clock = Stopwatch.StartNew();
        var results = await RunWithProgress(runner, runs, clock, token);
        bool stopped = token.IsCancellationRequested;

        var statistics = SweepReport.Statistics(variants, results);
        SweepReport.WriteRuns(Path.Combine(folder.FullName, "runs.csv"), parameters, results);
        SweepReport.WriteSummary(Path.Combine(folder.FullName, "summary.csv"), parameters, statistics);
        if (results.Count > 0)
        {
            SweepReport.Show(parameters, statistics, seedCount);
        }
        int failed = results.Count(r => !r.Succeeded);
        AnsiConsole.MarkupLine(Markup.Escape($"{results.Count} of {runs.Length} runs ended in {Duration.Format(clock.Elapsed)} ({failed} failed). Wrote summary.csv, runs.csv and runs/ in {folder.FullName}."));
        if (stopped)
        {
            Console.Error.WriteLine($"Stopped: {runs.Length - results.Count} of {runs.Length} runs did not run to the end (those running were {(connection is null ? "killed" : "cancelled on their silos")}); the tables hold the {results.Count} that did.");
            return 130;
        }
        if (failed > 0)
        {
            Console.Error.WriteLine($"{failed} of {runs.Length} runs failed: {string.Join(", ", results.Where(r => !r.Succeeded).Take(10).Select(r => $"{r.Run} (exit code {r.ExitCode})"))}{(failed > 10 ? ", ..." : "")}; the statistics leave them out.");
            return 1;
        }
        return 0;
    }

    /// <summary>Reads every --vary; null after reporting what is wrong.</summary>
    private static List<VariedParameter>? ReadVaried(string[] texts, Dictionary<string, string> fixedValues)
    {
        var varied = new List<VariedParameter>();
        var errors = new List<string>();
        foreach (string text in texts)
        {
            if (VariedParameter.Parse(text, out string? error) is not { } parameter)
            {
                errors.Add(error!);
            }
            else if (varied.Any(v => v.Name == parameter.Name) || fixedValues.ContainsKey(parameter.Name))
            {
                errors.Add($"--vary {text}: '{parameter.Name}' is already given a value (by another --vary or a --set)");
            }
            else
            {
                varied.Add(parameter);
            }
        }
        if (errors.Count > 0)
        {
            Refuse(errors, "the options");
            return null;
        }
        return varied;
    }

    /// <summary>
    /// Loads the scenario with every variant's values (a load takes milliseconds; the runs take far
    /// longer): whatever the loader finds wrong, even with a combination of values, is found before
    /// any run starts. Each error is listed once, with the variants it comes from.
    /// </summary>
    private static List<string> Validate(FileInfo file, Dictionary<string, string> fixedValues, List<VariedParameter> varied, IReadOnlyList<Variant> variants)
    {
        var found = new Dictionary<string, List<Variant>>(StringComparer.Ordinal);
        foreach (var variant in variants.Where(v => v.Values.Count > 0))
        {
            var overrides = new Dictionary<string, string>(fixedValues, StringComparer.Ordinal);
            foreach (var (name, value) in variant.Values)
            {
                overrides[name] = value;
            }
            foreach (var error in ScenarioLoader.Load(file.FullName, overrides).Errors)
            {
                string text = AsVaried((error with { File = file.ToString() }).ToString(), error.Message, varied);
                if (!found.TryGetValue(text, out var where))
                {
                    found[text] = where = [];
                }
                where.Add(variant);
            }
        }
        return [.. found.Select(f => $"{f.Key}{Environment.NewLine}  in {string.Join("; ", f.Value.Take(3).Select(v => $"{v.Label} ({v})"))}{(f.Value.Count > 3 ? $" and {f.Value.Count - 3} more" : "")}")];
    }

    /// <summary>The loader names overrides "--set name=value"; for a varied parameter the value came from --vary.</summary>
    private static string AsVaried(string error, string message, List<VariedParameter> varied)
        => varied.FirstOrDefault(v => message.StartsWith($"--set {v.Name}=", StringComparison.Ordinal) || message.StartsWith($"--set {v.Name}:", StringComparison.Ordinal)) is { } parameter
            ? error.Replace($"--set {parameter.Name}", $"--vary {parameter.Name}", StringComparison.Ordinal)
            : error;

    private static int Refuse(IReadOnlyList<string> errors, string what)
    {
        foreach (string error in errors)
        {
            Console.Error.WriteLine(error);
        }
        Console.Error.WriteLine($"{errors.Count} error(s) in {what}; no run started.");
        return 2;
    }

    private static IReadOnlyList<string> ChildArgs(FileInfo file, SweepRun run, Dictionary<string, string> fixedValues, TimeSpan? until, int workers)
    {
        var args = new List<string> { "run", file.FullName, "--headless", "--workers", workers.ToString(CultureInfo.InvariantCulture) };
        if (until is { } limit)
        {
            args.AddRange(["--until", limit.TotalSeconds.ToString("R", CultureInfo.InvariantCulture)]);
        }
        foreach (var (name, value) in Overrides(fixedValues, run))
        {
            args.AddRange(["--set", $"{name}={value}"]);
        }
        return args;
    }

    /// <summary>A run's parameter values: the sweep's --set, then its variant's (what a child's --set options give).</summary>
    private static Dictionary<string, string> Overrides(Dictionary<string, string> fixedValues, SweepRun run)
    {
        var overrides = new Dictionary<string, string>(fixedValues, StringComparer.Ordinal);
        foreach (var (name, value) in run.Variant.Values)
        {
            overrides[name] = value;
        }
        return overrides;
    }

    /// <summary>Connects to the cluster; null after saying in a line why it cannot.</summary>
    private static async Task<ClusterConnection?> Connect(ClusterAddress address, string clusterId, CancellationToken token)
    {
        try
        {
            return await ClusterConnection.Connect(address, clusterId, token);
        }
        catch (Exception e) when (ClusterConnection.IsUnreachable(e))
        {
            Console.Error.WriteLine($"--cluster {address}: no silo of cluster '{clusterId}' answers there ({ClusterConnection.Reason(e)}); start one with 'twin silo'.");
            return null;
        }
    }

    /// <summary>A progress bar where there is a terminal; otherwise a line per run that ends.</summary>
    private static async Task<IReadOnlyList<RunResult>> RunWithProgress(ISweepRunner runner, SweepRun[] runs, Stopwatch clock, CancellationToken token)
    {
        int done = 0;
        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            IReadOnlyList<RunResult> results = [];
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"runs 0/{runs.Length}", maxValue: runs.Length);
                    results = await runner.RunAsync(runs, result =>
                    {
                        task.Description = $"runs {++done}/{runs.Length}";
                        task.Increment(1);
                        ReportFailure(result);
                    }, token);
                });
            return results;
        }
        return await runner.RunAsync(runs, result =>
        {
            done++;
            var elapsed = clock.Elapsed;
            var left = TimeSpan.FromSeconds(elapsed.TotalSeconds / done * (runs.Length - done));
            Console.WriteLine($"[{done}/{runs.Length}] {result.Run}: {(result.Succeeded ? "done" : "FAILED")}; elapsed {Duration.Format(elapsed)}, about {Duration.Format(left)} left");
            ReportFailure(result);
        }, token);
    }

    private static void ReportFailure(RunResult result)
    {
        if (result.Succeeded)
        {
            return;
        }
        AnsiConsole.MarkupLine(Markup.Escape($"{result.Run} ({result.Run.Variant}) failed with exit code {result.ExitCode}{(result.ErrorTail.Count == 0 ? ", no error output" : "; its error output ends:")}"));
        foreach (string line in result.ErrorTail)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"  | {line}"));
        }
    }

    private static string Seeds(ulong[] seeds) => seeds.Length <= 4
        ? string.Join(", ", seeds)
        : $"{seeds[0]} to {seeds[^1]}";
}
