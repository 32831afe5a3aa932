using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using TwinWorld.Cli.Datasets;
using TwinWorld.Scenarios;
using TwinWorld.Scenarios.Loading;

namespace TwinWorld.Cli.Commands;

/// <summary>
/// <c>twin dataset --out DIR</c>: runs scenarios headless, films each with a few cameras, and writes (conditions,
/// context, target frame) samples with the reference renderer as the target, in the format of tools/train/DATASET.md.
/// Every scenario is loaded and every plan checked before anything runs; bad input exits 2 with what to change.
/// </summary>
internal static class DatasetCommand
{
    public const int DefaultSamples = 3000;

    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to write dataset.json and samples.bin to (created if need be; a dataset there is replaced)", Required = true };
        var scenarios = new Option<FileInfo[]>("--scenario") { Description = "A scenario to film (repeatable; default: every scenario in the repository's scenarios/ folder)", AllowMultipleArgumentsPerToken = false };
        var samples = Options.Ranged("--samples", "About how many samples in all: split evenly over the scenarios and their 4 cameras, rounded up", DefaultSamples, 1, 10_000_000);
        var resolution = Options.Ranged("--resolution", "Frame width and height in pixels", 64, 8, 1024);
        var context = Options.Ranged("--context", "Previous frames of the camera in each sample (the model's context length)", 2, 0, 16);
        var burst = Options.Ranged("--burst", "Consecutive frames filmed together, one source in dataset.json each", 16, 1, 100_000);
        var interval = Options.Duration("--frame-interval", "Simulated time between consecutive frames", TimeSpan.FromSeconds(0.5));
        var until = Options.OptionalDuration("--until", "Film each scenario only this far (default: to its end time)");
        var workers = Options.Ranged("--workers", "Worker threads for the simulation (results do not depend on it)", Environment.ProcessorCount, 1, 256);
        var command = new Command("dataset", "Render training samples for world models from scenario runs (tools/train/DATASET.md)")
        {
            output, scenarios, samples, resolution, context, burst, interval, until, workers,
        };
        command.SetAction(parse => Run(parse.GetValue(output)!, parse.GetValue(scenarios) ?? [], parse.GetValue(samples), parse.GetValue(resolution), parse.GetValue(context),
            parse.GetValue(burst), parse.GetValue(interval).Value, parse.GetValue(until), parse.GetValue(workers)));
        return command;
    }

    private static int Run(DirectoryInfo output, FileInfo[] files, int samples, int resolution, int contextFrames, int burst, TimeSpan interval, TimeSpan? until, int workers)
    {
        if (interval <= TimeSpan.Zero)
        {
            Console.Error.WriteLine("--frame-interval must be more than 0.");
            return 2;
        }
        if (files.Length == 0)
        {
            files = ShippedScenarios() ?? [];
            if (files.Length == 0)
            {
                Console.Error.WriteLine("No --scenario given, and no scenarios/ folder with *.yaml files was found here or above the twin executable.");
                return 2;
            }
        }
        var plans = new List<ScenarioFilming>();
        var problems = new List<string>();
        int perCamera = (int)Math.Ceiling(samples / (double)(files.Length * DatasetCameras.Names.Length));
        foreach (var file in files)
        {
            var load = ScenarioLoader.Load(file.FullName, new Dictionary<string, string>());
            if (load.Scenario is not { } scenario)
            {
                problems.AddRange(load.Errors.Select(e => (e with { File = file.ToString() }).ToString()));
                continue;
            }
            try
            {
                plans.Add(new ScenarioFilming(scenario, perCamera, resolution, contextFrames, burst, interval, until));
            }
            catch (ArgumentException e)
            {
                problems.Add(e.Message);
            }
        }
        if (problems.Count > 0)
        {
            problems.ForEach(Console.Error.WriteLine);
            Console.Error.WriteLine($"{problems.Count} problem(s); no dataset was written.");
            return 2;
        }

        DatasetWriter writer;
        try
        {
            writer = new DatasetWriter(output.FullName, resolution, resolution, contextFrames);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"--out {output}: cannot write there: {e.Message}");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        using (writer)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"Filming {files.Length} scenario(s) with {DatasetCameras.Names.Length} cameras each ({string.Join(", ", DatasetCameras.Names)}): "
                + $"{perCamera} samples a camera at {resolution} x {resolution}, {contextFrames} context frame(s), bursts of {burst} frames {interval.TotalSeconds:0.##} s apart; "
                + $"{TrainingRecord.Size(resolution, resolution, contextFrames):N0} bytes a sample."));
            double total = plans.Sum(p => p.Seconds), before = 0;
            try
            {
                WorkProgress.Run("filming", total, _ => $"{writer.Added:N0} samples", progress =>
                {
                    foreach (var plan in plans)
                    {
                        plan.Film(writer, workers, seconds => progress(before + seconds));
                        before += plan.Seconds;
                    }
                });
                writer.Finish(new Dictionary<string, object> { ["frame_interval_s"] = interval.TotalSeconds });
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"--out {output}: writing the dataset failed: {e.Message}");
                return 1;
            }
        }
        var table = new Table().AddColumns("scenario", "camera", "samples");
        foreach (var group in writer.Sources.GroupBy(s => (s.Scenario, s.Camera)))
        {
            table.AddRow(Markup.Escape(group.Key.Scenario), group.Key.Camera, group.Sum(s => s.Samples).ToString("N0"));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape($"Wrote {writer.Count:N0} samples of {writer.RecordBytes:N0} bytes ({writer.Count * writer.RecordBytes / 1e6:F1} MB) to {output.FullName} in {clock.Elapsed.TotalSeconds:F1} s."));
        return 0;
    }

    /// <summary>The repository's shipped scenarios: scenarios/*.yaml in the working folder or the nearest folder above the executable that has one.</summary>
    private static FileInfo[]? ShippedScenarios()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var scenarios = new DirectoryInfo(Path.Combine(folder.FullName, "scenarios"));
                if (scenarios.Exists && scenarios.GetFiles("*.yaml") is { Length: > 0 } found)
                {
                    return [.. found.OrderBy(f => f.Name, StringComparer.Ordinal)];
                }
            }
        }
        return null;
    }
}
