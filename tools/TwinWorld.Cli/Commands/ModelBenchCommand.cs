using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using TwinWorld.Cli.ModelBench;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Models;
using TwinWorld.Torch;

namespace TwinWorld.Cli.Commands;

/// <summary>
/// <c>twin model-bench M.json --device cuda</c> (tools/gpu/run.sh runs it): checks that the world model makes the
/// same frames on the device as on the reference device (cpu), for the same seeded inputs, within a tolerance in
/// 8-bit levels, then measures frames a second at each frame size and batch size, with the GPU's peak memory.
/// Exit 1 when a frame differs by more than the tolerance, 2 when the model cannot be benchmarked at all.
/// </summary>
internal static class ModelBenchCommand
{
    public static Command Create()
    {
        var model = new Argument<FileInfo>("model") { Description = "The world model's manifest (JSON)" };
        var device = new Option<string>("--device") { Description = "Where to benchmark it: cpu, cuda or cuda:N", DefaultValueFactory = _ => "cpu" };
        var reference = new Option<string>("--check-against") { Description = "The device whose frames the benchmarked device's must match", DefaultValueFactory = _ => "cpu" };
        var sizes = new Option<int[]>("--sizes") { Description = "Frame sizes (pixels each way) to benchmark at; the model's own is checked too", DefaultValueFactory = _ => [256, 512], AllowMultipleArgumentsPerToken = true };
        var batches = new Option<int[]>("--batches") { Description = "Batch sizes to benchmark", DefaultValueFactory = _ => [1, 8, 32], AllowMultipleArgumentsPerToken = true };
        var tolerance = Options.Ranged("--tolerance", "Largest difference allowed between the two devices' frames, in 8-bit levels", 3, 0, 255);
        var seconds = Options.Ranged("--seconds", "Time each measurement for at least this long (at least one call)", 2.0, 0.0, 600.0);
        var threads = Options.Ranged("--threads", "libtorch's CPU threads", Math.Max(1, Environment.ProcessorCount / 2), 1, 256);
        var output = new Option<FileInfo?>("--out") { Description = "Also write the figures to this file (Markdown)" };
        var command = new Command("model-bench", "Check a world model's frames on a device against the CPU's, and measure its frames a second") { model, device, reference, sizes, batches, tolerance, seconds, threads, output };
        command.SetAction(parse => Run(parse.GetValue(model)!, parse.GetValue(device)!, parse.GetValue(reference)!, parse.GetValue(sizes)!, parse.GetValue(batches)!,
            parse.GetValue(tolerance), parse.GetValue(seconds), parse.GetValue(threads), parse.GetValue(output)));
        return command;
    }

    private static int Run(FileInfo file, string device, string reference, int[] sizes, int[] batches, int tolerance, double seconds, int threads, FileInfo? output)
    {
        if (sizes.Concat(batches).FirstOrDefault(n => n is < 1 or > 4096) is var bad and not 0)
        {
            Console.Error.WriteLine($"--sizes and --batches take whole numbers from 1 to 4096, not {bad}.");
            return 2;
        }
        if (!TorchRuntime.IsAvailable)
        {
            Console.Error.WriteLine($"model-bench: {TorchRuntime.UnavailableReason}");
            return 2;
        }
        ModelManifest manifest;
        try
        {
            manifest = ModelManifest.Load(file.FullName);
        }
        catch (ManifestException e)
        {
            Console.Error.WriteLine($"model-bench: {e.Message}");
            return 2;
        }
        if (batches.FirstOrDefault(b => b > manifest.MaxBatch) is var tooBig and not 0)
        {
            Console.Error.WriteLine($"--batches {tooBig}: model {manifest.Name} takes batches of up to {manifest.MaxBatch}.");
            return 2;
        }
        TorchRuntime.Threads = threads;
        var report = new List<string>();
        Say(report, $"Model {manifest.Name} ({manifest.Width} x {manifest.Height}, {manifest.ContextFrames} context frames, batches of up to {manifest.MaxBatch}); "
            + $"libtorch {TorchRuntime.Version}, {TorchRuntime.CudaDeviceCount} CUDA device(s), {threads} CPU thread(s); benchmarked on {device}, checked against {reference}.");
        Say(report, "");
        string folder = Directory.CreateTempSubdirectory("twin-model-bench-").FullName;
        var models = new List<(int Size, TorchWorldModel Model)>();
        using var memory = new GpuMemory(device.StartsWith("cuda:", StringComparison.Ordinal) ? int.Parse(device[5..], CultureInfo.InvariantCulture) : 0);
        long idle = memory.TakePeak();
        bool withinTolerance = true;
        try
        {
            foreach (int size in new[] { manifest.Width }.Concat(sizes).Distinct())
            {
                string resized = ResizedManifest.Write(file.FullName, manifest, size, folder);
                var model = TorchWorldModel.Load(resized, device);
                using var check = TorchWorldModel.Load(resized, reference);
                try
                {
                    withinTolerance &= Check(model, check, size, tolerance, report);
                }
                catch (TorchException e)
                {
                    model.Dispose();
                    Say(report, $"- {size} x {size}: the model does not run at this size ({e.Message.Split('\n')[0]}); not benchmarked.");
                    continue;
                }
                if (sizes.Contains(size))
                {
                    models.Add((size, model));
                }
                else
                {
                    model.Dispose();
                }
            }
            Say(report, "");
            Say(report, "| frame size | batch | calls | frames/s | ms a call | peak GPU memory (MiB) |");
            Say(report, "|---:|---:|---:|---:|---:|---:|");
            foreach (var (size, model) in models)
            {
                foreach (int batch in batches)
                {
                    Say(report, Measure(model, size, batch, seconds, memory));
                }
            }
            Say(report, "");
            Say(report, memory.Available ? $"GPU memory is the whole device's as nvidia-smi reports it (CUDA context and libtorch's cache included); {idle:N0} MiB before any model was loaded."
                : "No GPU memory figures: nvidia-smi is not here (no NVIDIA driver).");
        }
        catch (TorchException e)
        {
            Console.Error.WriteLine($"model-bench: {e.Message.Split('\n')[0]}");
            return 2;
        }
        finally
        {
            models.ForEach(m => m.Model.Dispose());
            Directory.Delete(folder, recursive: true);
        }
        Say(report, withinTolerance ? $"Check passed: every frame on {device} within {tolerance} levels of {reference}'s." : $"CHECK FAILED: frames on {device} differ from {reference}'s by more than {tolerance} levels.");
        if (output is not null)
        {
            File.WriteAllLines(output.FullName, report);
        }
        return withinTolerance ? 0 : 1;
    }

    private static void Say(List<string> report, string line)
    {
        Console.WriteLine(line);
        report.Add(line);
    }

    /// <summary>Two frames from the same seeded inputs on both devices; the largest difference in any channel of each frame.</summary>
    private static bool Check(TorchWorldModel model, TorchWorldModel reference, int size, int tolerance, List<string> report)
    {
        var inputs = Inputs(size, 2, model.Manifest.ContextFrames);
        var frames = model.Generate(inputs);
        var expected = reference.Generate(inputs);
        var differences = frames.Zip(expected, (a, b) => a.Pixels.Zip(b.Pixels, (x, y) => Math.Abs(x - y)).Max()).ToList();
        bool within = differences.All(d => d <= tolerance);
        Say(report, $"- {size} x {size}: max abs difference per frame {string.Join(", ", differences)} (tolerance {tolerance}): {(within ? "within" : "OVER")}.");
        return within;
    }

    /// <summary>Two warm-up calls (TorchScript optimises on the second), then calls until <paramref name="seconds"/> have passed.</summary>
    private static string Measure(TorchWorldModel model, int size, int batch, double seconds, GpuMemory memory)
    {
        var inputs = Inputs(size, batch, model.Manifest.ContextFrames);
        memory.TakePeak();
        for (int call = 0; call < 2; call++)
        {
            model.Generate(inputs);
        }
        int calls = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            model.Generate(inputs);
            calls++;
        }
        while (clock.Elapsed.TotalSeconds < seconds);
        double elapsed = clock.Elapsed.TotalSeconds;
        long peak = memory.TakePeak();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {size} x {size} | {batch} | {calls} | {calls * batch / elapsed:N1} | {elapsed * 1000 / calls:N1} | {(peak < 0 ? "-" : peak.ToString("N0", CultureInfo.InvariantCulture))} |");
    }

    /// <summary>Seeded random conditions and context frames: the same on every device and run.</summary>
    private static List<GenerationInput> Inputs(int size, int batch, int contextFrames)
    {
        var random = new Random(size * 1000 + batch);
        var inputs = new List<GenerationInput>(batch);
        for (int i = 0; i < batch; i++)
        {
            var conditions = CameraConditions.Blank(default, 0, size, size);
            for (int p = 0; p < conditions.Layout.Length; p++)
            {
                conditions.Layout[p] = (byte)random.Next(CameraConditions.LayoutClassCount);
            }
            for (int p = 0; p < conditions.Continuous.Length; p++)
            {
                conditions.Continuous[p] = random.NextSingle();
            }
            for (int g = 0; g < conditions.Globals.Length; g++)
            {
                conditions.Globals[g] = (random.NextSingle() * 2) - 1;
            }
            var context = new RgbImage[contextFrames];
            for (int c = 0; c < contextFrames; c++)
            {
                context[c] = new RgbImage(size, size);
                random.NextBytes(context[c].Pixels);
            }
            inputs.Add(new GenerationInput(conditions, context));
        }
        return inputs;
    }
}
