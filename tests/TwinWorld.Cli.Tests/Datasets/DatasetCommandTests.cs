using System.Text.Json;
using TwinWorld.Cli.Datasets;
using TwinWorld.Generation.Conditions;

namespace TwinWorld.Cli.Tests.Datasets;

public sealed class DatasetCommandTests : IDisposable
{
    private const int Size = 16, Context = 2, Burst = 5;

    private static readonly string SmallFire = Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-fire.yaml");

    private readonly string _folder = Directory.CreateTempSubdirectory("dataset-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int ExitCode, string Output, string Errors) Film(string folder, int samples = 40) =>
        Twin.Run("dataset", "--out", folder, "--scenario", SmallFire, "--samples", $"{samples}", "--until", "3m", "--resolution", $"{Size}", "--context", $"{Context}", "--burst", $"{Burst}");

    private static JsonElement Description(string folder) => JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "dataset.json"))).RootElement;

    [Fact]
    public void A_small_dataset_is_count_records_of_record_bytes_from_every_camera()
    {
        var (exitCode, output, errors) = Film(_folder);

        Assert.True(exitCode == 0, errors + output);
        Assert.Contains("filming: 100%", output);
        var json = Description(_folder);
        Assert.Equal("twinworld.world-model/2", json.GetProperty("contract").GetString());
        Assert.Equal([Size, Size], json.GetProperty("resolution").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(Context, json.GetProperty("context_frames").GetInt32());
        int recordBytes = json.GetProperty("record_bytes").GetInt32();
        // layout, 6 continuous and 3 world planes of float32, 16 globals, the context frames and the target.
        Assert.Equal((Size * Size) + (24 * Size * Size) + (12 * Size * Size) + 64 + (3 * Context * Size * Size) + (3 * Size * Size), recordBytes);
        long count = json.GetProperty("count").GetInt64();
        Assert.Equal(40, count); // 40 over 4 cameras, in bursts of 5
        Assert.Equal(count * recordBytes, new FileInfo(Path.Combine(_folder, "samples.bin")).Length);
        var sources = json.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(count, sources.Sum(s => s.GetProperty("samples").GetInt64()));
        Assert.All(sources, s => Assert.Equal(("small-fire", 3UL), (s.GetProperty("scenario").GetString(), s.GetProperty("seed").GetUInt64())));
        Assert.Equal(DatasetCameras.Names.Order(), sources.Select(s => s.GetProperty("camera").GetString()!).Distinct().Order());
        Assert.Equal(0.5, json.GetProperty("frame_interval_s").GetDouble());
        Assert.Contains("Wrote 40 samples", output);
    }

    [Fact]
    public void Each_source_is_one_cameras_consecutive_frames_whose_context_is_its_previous_frames()
    {
        Assert.Equal(0, Film(_folder).ExitCode);
        var json = Description(_folder);
        int recordBytes = json.GetProperty("record_bytes").GetInt32();
        var bytes = File.ReadAllBytes(Path.Combine(_folder, "samples.bin"));
        var seen = new HashSet<string>();
        int index = 0;
        foreach (var source in json.GetProperty("sources").EnumerateArray())
        {
            int samples = source.GetProperty("samples").GetInt32();
            Assert.InRange(samples, 1, Burst);
            var records = Enumerable.Range(index, samples)
                .Select(i => TrainingRecord.Decode(bytes.AsSpan(i * recordBytes, recordBytes), Size, Size, Context)).ToList();
            if (seen.Add(source.GetProperty("camera").GetString()!))
            {
                // A camera's first frame: no previous frames yet, so the context is black.
                Assert.All(records[0].Context, frame => Assert.All(frame.Pixels, b => Assert.Equal(0, b)));
            }
            else
            {
                // Later bursts start after warm-up frames: the first sample already has a full context.
                Assert.All(records[0].Context, frame => Assert.Contains(frame.Pixels, b => b != 0));
            }
            for (int i = 1; i < records.Count; i++)
            {
                Assert.Equal(records[i - 1].Target.Pixels, records[i].Context[^1].Pixels);
                Assert.Equal(records[i - 1].Context[^1].Pixels, records[i].Context[^2].Pixels);
            }
            foreach (var (conditions, _, _) in records)
            {
                Assert.All(conditions.Layout, c => Assert.InRange(c, 0, CameraConditions.LayoutClassCount - 1));
                Assert.All(conditions.Continuous, v => Assert.InRange(v, 0f, 1f));
                float sin = conditions.Global(GlobalChannel.TimeOfDaySin), cos = conditions.Global(GlobalChannel.TimeOfDayCos);
                Assert.Equal(1f, (sin * sin) + (cos * cos), 4);
            }
            index += samples;
        }
    }

    [Fact]
    public void The_same_command_writes_the_same_bytes()
    {
        string again = Path.Combine(_folder, "again");
        Assert.Equal(0, Film(_folder).ExitCode);
        Assert.Equal(0, Film(again).ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_folder, "samples.bin")), File.ReadAllBytes(Path.Combine(again, "samples.bin")));
    }

    [Fact]
    public void More_samples_than_the_run_can_hold_are_refused_before_anything_runs()
    {
        var (exitCode, _, errors) = Film(_folder, samples: 100_000);
        Assert.Equal(2, exitCode);
        Assert.Contains("'small-fire': 25000 samples a camera", errors);
        Assert.Contains("ask for fewer --samples", errors);
        Assert.False(File.Exists(Path.Combine(_folder, "samples.bin")));
    }

    [Fact]
    public void A_broken_scenario_is_reported_at_its_line()
    {
        string broken = Path.Combine(AppContext.BaseDirectory, "Broken", "misspelled-top-key.yaml");
        var (exitCode, _, errors) = Twin.Run("dataset", "--out", _folder, "--scenario", broken);
        Assert.Equal(2, exitCode);
        Assert.Matches(@"misspelled-top-key\.yaml:5:1: unknown key 'popualtion'", errors);
        Assert.Contains("no dataset was written", errors);
    }

    [Theory]
    [InlineData("--resolution", "4", "--resolution must be between 8 and 1024")]
    [InlineData("--frame-interval", "0s", "--frame-interval must be more than 0")]
    public void Bad_options_are_refused_with_what_is_wrong(string option, string value, string message)
    {
        var (exitCode, output, errors) = Twin.Run("dataset", "--out", _folder, "--scenario", SmallFire, option, value);
        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, errors + output);
    }
}
