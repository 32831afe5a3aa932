using System.Text.RegularExpressions;
using TwinWorld.Torch.Tests;

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
        var (exitCode, output, errors) = Twin.Run([.. FilmedFire, "--frames", _folder, "--fps", "2", "--resolution", "48", "--deadline", "150ms"]);
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

    private static string Model(string name) => Path.Combine(AppContext.BaseDirectory, "Models", name);

    /// <summary>A deadline no busy test machine misses, so every fallback counted is the model's own doing.</summary>
    private string[] FilmWith(string manifest) => [.. FilmedFire, "--frames", _folder, "--fps", "1", "--model", manifest, "--deadline", "30s"];

    [TorchFact]
    public void With_a_model_the_frames_are_the_models_at_its_size()
    {
        var (exitCode, output, errors) = Twin.Run(FilmWith(Model("probe.json")));

        Assert.True(exitCode == 0, errors + output);
        Assert.Contains("World model \"probe\" loaded", output);
        Assert.Contains($"Frames: 60 written to {_folder} (above 30, hill 30), 1 a second of simulated time per camera at 8 x 6: 60 by the model.", output);
        Assert.Equal((8, 6), FrameSize(File.ReadAllBytes(Path.Combine(_folder, "hill", "000021.jpg"))));
    }

    [TorchFact]
    public void A_model_that_throws_leaves_the_run_on_renderer_frames()
    {
        // wrong-shape loads, but every forward returns a frame tensor its manifest does not promise.
        var (exitCode, output, errors) = Twin.Run(FilmWith(Model("wrong-shape.json")));

        Assert.True(exitCode == 0, errors + output);
        Assert.Contains("World model failed: model wrong-shape returned uint8 [", errors);
        Assert.Single(Regex.Matches(errors, "World model failed"));
        Assert.Contains("1 a second of simulated time per camera at 8 x 6: 60 by the renderer in the model's place (error).", output);
        Assert.Contains("The run stopped at 0m30s (the time limit)", output);
    }

    [Fact]
    public void A_broken_model_file_leaves_the_run_on_renderer_frames()
    {
        string models = Path.Combine(_folder, "models");
        Directory.CreateDirectory(models);
        File.WriteAllText(Path.Combine(models, "broken.json"), File.ReadAllText(Model("probe.json")).Replace("probe.pt", "broken.pt"));
        File.WriteAllBytes(Path.Combine(models, "broken.pt"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))]);

        var (exitCode, output, errors) = Twin.Run([.. FilmedFire, "--frames", Path.Combine(_folder, "out"), "--fps", "1", "--model", Path.Combine(models, "broken.json"), "--deadline", "30s"]);

        Assert.True(exitCode == 0, errors + output);
        Assert.Contains("World model could not be loaded", errors);
        Assert.Contains("at 8 x 6: 60 by the renderer in the model's place (unavailable).", output);
        Assert.Contains("The run stopped at 0m30s (the time limit)", output);
    }

    [Theory]
    [InlineData("coastal-tsunami.yaml", new[] { "--camera", "lighthouse" }, 2, "--camera lighthouse: scenario 'coastal-tsunami' has no such camera; its cameras are harbour, overview")]
    [InlineData("wildfire-wui.yaml", new string[0], 2, "--frames: scenario 'wildfire-wui' has no cameras to film; add one under cameras:")]
    [InlineData("coastal-tsunami.yaml", new[] { "--deadline", "0ms" }, 2, "--frames: Deadline is 00:00:00; it must be above 0")]
    [InlineData("coastal-tsunami.yaml", new[] { "--deadline", "soon" }, 1, "--deadline: 'soon' is not a duration")]
    [InlineData("coastal-tsunami.yaml", new[] { "--jpeg-quality", "0" }, 1, "--jpeg-quality must be between 1 and 100 (got 0)")]
    [InlineData("coastal-tsunami.yaml", new[] { "--model", "Models/probe.json", "--resolution", "32" }, 2, "--resolution 32: the model of")]
    public void Frames_that_cannot_be_made_stop_the_run_before_it_starts_with_the_reason(string scenario, string[] options, int exit, string expected)
    {
        string[] absolute = [.. options.Select(o => o.StartsWith("Models/", StringComparison.Ordinal) ? Path.Combine(AppContext.BaseDirectory, o) : o)];
        var (exitCode, output, errors) = Twin.Run(["run", Shipped(scenario), "--headless", "--until", "10s", "--frames", _folder, .. absolute]);

        Assert.True(exitCode == exit, errors + output);
        Assert.Contains(expected, errors);
        Assert.DoesNotContain("Metrics", output);
    }
}
