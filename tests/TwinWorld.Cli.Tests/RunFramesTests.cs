using System.Text.RegularExpressions;
using TwinWorld.TestSupport;

namespace TwinWorld.Cli.Tests;

/// <summary><c>twin run --frames</c>: the scenario's cameras filmed to JPEG files while it runs.</summary>
public sealed class RunFramesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("twin-frames-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Shipped(string name) => Path.Combine(AppContext.BaseDirectory, "Shipped", name);

    private static readonly string[] FilmedFire = ["run", Path.Combine(AppContext.BaseDirectory, "Scenarios", "filmed-fire.yaml"), "--headless", "--until", "30s"];

    private static string Hash(string output) => Regex.Match(output, "final state hash ([0-9A-F]{16})").Groups[1].Value;

    /// <summary>The frame size a JPEG's start-of-frame segment declares.</summary>
    private static (int Width, int Height) FrameSize(byte[] jpeg)
    {
        for (int at = 2; at + 9 < jpeg.Length; at += 2 + ((jpeg[at + 2] << 8) | jpeg[at + 3]))
        {
            if (jpeg[at + 1] is >= 0xC0 and <= 0xC3)
            {
                return ((jpeg[at + 7] << 8) | jpeg[at + 8], (jpeg[at + 5] << 8) | jpeg[at + 6]);
            }
        }
        throw new InvalidDataException("no start-of-frame segment");
    }

    [Fact]
    public void A_headless_run_writes_every_due_frame_of_every_camera_and_the_world_is_not_changed_by_filming()
    {
        var (exitCode, output, errors) = Twin.Run([.. FilmedFire, "--frames", _folder, "--fps", "2", "--resolution", "48", "--deadline", "150ms", "--model", "renderer"]);
        var (_, plain, _) = Twin.Run(FilmedFire);

        Assert.True(exitCode == 0, errors + output);
        Assert.Equal(["above", "hill"], Directory.GetDirectories(_folder).Select(Path.GetFileName).Order());
        foreach (string camera in new[] { "above", "hill" })
        {
            // 30 s at 2 a second, at 20 ticks a second: ticks 1, 11, 21, ... 591.
            var files = Directory.GetFiles(Path.Combine(_folder, camera)).Select(f => Path.GetFileName(f)).Order().ToList();
            Assert.Equal(Enumerable.Range(0, 60).Select(i => $"{1 + (10 * i):D6}.jpg"), files);
            foreach (string file in files)
            {
                byte[] jpeg = File.ReadAllBytes(Path.Combine(_folder, camera, file));
                Assert.Equal([0xFF, 0xD8], jpeg[..2]);
                Assert.Equal([0xFF, 0xD9], jpeg[^2..]);
                Assert.Equal((48, 48), FrameSize(jpeg));
            }
        }
        Assert.Contains($"Frames: 120 written to {_folder} (above 60, hill 60), 2 a second of simulated time per camera at 48 x 48: 120 by the reference renderer.", output);
        Assert.DoesNotContain("skipped", output);
        Assert.Equal(Hash(plain), Hash(output));
    }

    [Fact]
    public void A_shipped_scenarios_camera_is_picked_by_name()
    {
        var (exitCode, output, errors) = Twin.Run("run", Shipped("coastal-tsunami.yaml"), "--headless", "--until", "10s", "--frames", _folder, "--camera", "Overview", "--fps", "0.5");

        Assert.True(exitCode == 0, errors + output);
        Assert.Equal(["overview"], Directory.GetDirectories(_folder).Select(Path.GetFileName));
        Assert.Equal(["000001.jpg", "000041.jpg", "000081.jpg", "000121.jpg", "000161.jpg"], Directory.GetFiles(Path.Combine(_folder, "overview")).Select(f => Path.GetFileName(f)).Order());
    }

    /// <summary>A manifest the contract accepts, at 32 x 32, beside whatever model file the test writes.</summary>
    private string Model(byte[] file)
    {
        File.WriteAllBytes(Path.Combine(_folder, "model.pt"), file);
        string manifest = Path.Combine(_folder, "model.json");
        File.WriteAllText(manifest, """
            {
              "contract": "twinworld.world-model/1", "name": "test", "model": "model.pt",
              "resolution": [32, 32], "context_frames": 0, "steps": 1, "layout_classes": 21, "max_batch": 4,
              "inputs": [ { "name": "layout", "dtype": "uint8", "shape": ["B", 1, 32, 32] } ],
              "outputs": [ { "name": "frame", "dtype": "uint8", "shape": ["B", 3, 32, 32] } ]
            }
            """);
        return manifest;
    }

    [Fact]
    public void A_model_file_that_will_not_load_leaves_the_run_going_on_renderer_frames_at_the_models_size()
    {
        string frames = Path.Combine(_folder, "frames");
        var (exitCode, output, errors) = Twin.Run([.. FilmedFire, "--frames", frames, "--fps", "1", "--model", Model("not TorchScript"u8.ToArray())]);
        var (_, plain, _) = Twin.Run(FilmedFire);

        Assert.True(exitCode == 0, errors + output);
        // The summary line wraps at the console's width.
        Assert.Contains("60 by the renderer in the model's place (unavailable)", Regex.Replace(output, @"\s+", " "));
        Assert.All(Directory.GetFiles(Path.Combine(frames, "above")), f => Assert.Equal((32, 32), FrameSize(File.ReadAllBytes(f))));
        Assert.Equal(Hash(plain), Hash(output));
    }

    [Fact]
    public void By_default_the_reference_model_films_the_shipped_tsunami_at_256_through_libtorch()
    {
        var (exitCode, output, errors) = Twin.Run("run", Shipped("coastal-tsunami.yaml"), "--headless", "--until", "20s", "--frames", _folder,
            "--camera", "overview", "--fps", "1", "--deadline", "10s");

        Assert.True(exitCode == 0, errors + output);
        var files = Directory.GetFiles(Path.Combine(_folder, "overview")).Order().ToList();
        Assert.Equal(20, files.Count);
        Assert.All(files, f => Assert.Equal((256, 256), FrameSize(File.ReadAllBytes(f))));
        // Every frame came from the model: a generous deadline, and nothing fell back.
        Assert.Contains("20 by the model", Regex.Replace(output, @"\s+", " "));
        Assert.DoesNotContain("in the model's place", output);
    }

    [Fact]
    public void A_manifest_that_breaks_the_contract_stops_the_run_before_it_starts()
    {
        string manifest = Model([]);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("twinworld.world-model/1", "twinworld.world-model/9"));

        var (exitCode, output, errors) = Twin.Run([.. FilmedFire, "--frames", Path.Combine(_folder, "frames"), "--model", manifest]);

        Assert.True(exitCode == 2, errors + output);
        Assert.Contains("--model: ", errors);
        Assert.Contains("this server speaks \"twinworld.world-model/2\" (and loads \"twinworld.world-model/1\" models)", errors);
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Models", name);

    /// <summary>A deadline no busy test machine misses, so every fallback counted is the model's own doing.</summary>
    private string[] FilmWith(string manifest) => [.. FilmedFire, "--frames", _folder, "--fps", "1", "--model", manifest, "--deadline", "30s"];

    [TorchFact]
    public void With_a_model_the_frames_are_the_models_at_its_size()
    {
        var (exitCode, output, errors) = Twin.Run(FilmWith(Fixture("probe.json")));

        Assert.True(exitCode == 0, errors + output);
        Assert.Contains($"Frames: 60 written to {_folder} (above 30, hill 30), 1 a second of simulated time per camera at 8 x 6: 60 by the model.", Regex.Replace(output, @"\s+", " "));
        Assert.Equal((8, 6), FrameSize(File.ReadAllBytes(Path.Combine(_folder, "hill", "000021.jpg"))));
    }

    [TorchFact]
    public void A_model_whose_forward_breaks_its_manifest_fails_its_warm_up_and_the_run_stays_on_renderer_frames()
    {
        // wrong-shape loads, but every forward returns a frame tensor its manifest does not promise:
        // the blank frames of the warm-up after loading find it out before any real frame.
        var (exitCode, output, errors) = Twin.Run(FilmWith(Fixture("wrong-shape.json")));

        Assert.True(exitCode == 0, errors + output);
        Assert.Contains("World model could not be loaded: model wrong-shape returned uint8 [1, 1, 6, 8]", errors);
        Assert.DoesNotContain("World model failed", errors);
        Assert.Contains("1 a second of simulated time per camera at 8 x 6: 60 by the renderer in the model's place (unavailable).", Regex.Replace(output, @"\s+", " "));
        Assert.Contains("The run stopped at 0m30s (the time limit)", output);
    }

    [Theory]
    [InlineData("coastal-tsunami.yaml", new[] { "--camera", "lighthouse" }, "--camera lighthouse: scenario 'coastal-tsunami' has no such camera; its cameras are harbour, overview")]
    [InlineData("Scenarios/small-fire.yaml", new string[0], "--frames: scenario 'small-fire' has no cameras to film; add one under cameras:")]
    [InlineData("coastal-tsunami.yaml", new[] { "--deadline", "0ms" }, "--frames: Deadline is 00:00:00; it must be above 0")]
    [InlineData("coastal-tsunami.yaml", new[] { "--deadline", "soon" }, "--deadline must be a duration such as 90s, 10m or 1h30m (got 'soon').")]
    [InlineData("coastal-tsunami.yaml", new[] { "--jpeg-quality", "0" }, "--jpeg-quality must be between 1 and 100 (got 0)")]
    [InlineData("coastal-tsunami.yaml", new[] { "--resolution", "128" }, "--resolution 128: the world model reference-tile-256 draws 256 x 256 frames; add --model renderer for 128 x 128 frames")]
    public void Frames_that_cannot_be_made_stop_the_run_before_it_starts_with_the_reason(string scenario, string[] options, string expected)
    {
        string[] absolute = [.. options.Select(o => o.StartsWith("Models/", StringComparison.Ordinal) ? Path.Combine(AppContext.BaseDirectory, o) : o)];
        string file = scenario.StartsWith("Scenarios/", StringComparison.Ordinal) ? Path.Combine(AppContext.BaseDirectory, scenario) : Shipped(scenario);
        var (exitCode, output, errors) = Twin.Run(["run", file, "--headless", "--until", "10s", "--frames", _folder, .. absolute]);

        Assert.True(exitCode == 2, errors + output);
        Assert.Contains(expected, errors);
        Assert.DoesNotContain("Metrics", output);
    }
}
