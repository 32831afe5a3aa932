using System.Text.RegularExpressions;
using TwinWorld.Replay.Frames;
using TwinWorld.Replay.Recording;
using TwinWorld.TestSupport;

namespace TwinWorld.Cli.Tests;

/// <summary><c>twin replay --frames</c>: a filmed recording's frames regenerated from the replayed world and checked hash by hash.</summary>
public sealed class ReplayFramesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("twin-replay-frames-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Shipped(string name) => Path.Combine(AppContext.BaseDirectory, "Shipped", name);

    private static readonly string FilmedFire = Path.Combine(AppContext.BaseDirectory, "Scenarios", "filmed-fire.yaml");

    private static string OneLine(string output) => Regex.Replace(output, @"\s+", " ");

    [TorchFact]
    public void Model_frames_of_a_filmed_tsunami_regenerate_bit_for_bit_and_another_model_file_or_device_is_named_not_taken_for_a_divergence()
    {
        // A copy of the trained model, so the test can change its file.
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "models"), "reference-tile-256.*"))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
        string manifest = Path.Combine(_folder, "reference-tile-256.json");
        string recording = Path.Combine(_folder, "tsunami.twrec");
        var run = Twin.Run("run", Shipped("coastal-tsunami.yaml"), "--headless", "--until", "10s", "--fps", "2", "--frames", Path.Combine(_folder, "frames"),
            "--model", manifest, "--deadline", "30s", "--record", recording);
        Assert.True(run.ExitCode == 0, run.Errors + run.Output);
        Assert.Contains("40 by the model", OneLine(run.Output));

        var replay = Twin.Run("replay", recording, "--frames");
        Assert.True(replay.ExitCode == 0, replay.Errors + replay.Output);
        Assert.Contains("Frames: 40 of 40 regenerated bit for bit.", replay.Output);

        var elsewhere = Twin.Run("replay", recording, "--frames", "--device", "cuda");
        Assert.Equal(2, elsewhere.ExitCode);
        Assert.Contains("recorded with model reference-tile-256", elsewhere.Errors);
        Assert.Contains("on cpu", elsewhere.Errors);
        Assert.Contains("on cuda", elsewhere.Errors);
        Assert.Contains("frame hashes not comparable", elsewhere.Errors);

        File.AppendAllText(Path.Combine(_folder, "reference-tile-256.pt"), "retrained");
        var retrained = Twin.Run("replay", recording, "--frames");
        Assert.Equal(2, retrained.ExitCode);
        Assert.Contains("frame hashes not comparable", retrained.Errors);
        Assert.DoesNotContain("diverged", retrained.Output + retrained.Errors);
    }

    [TorchFact]
    public async Task A_server_session_generating_with_the_model_replays_the_frames_it_really_generated_bit_for_bit()
    {
        using (var server = new ServerProcess($"--World:Scenario={Shipped("coastal-tsunami.yaml")}", $"--Recording:Folder={_folder}", "--Network:BindAddress=127.0.0.1"))
        {
            Assert.True(await server.WaitForOutput("with the world model reference-tile-256 on cpu", TimeSpan.FromSeconds(90)), server.Output);
            await Task.Delay(TimeSpan.FromSeconds(5));
            server.Terminate();
            Assert.Equal(0, await server.WaitForExit(TimeSpan.FromSeconds(60)));
        }
        string recording = Assert.Single(Directory.GetFiles(_folder, "coastal-tsunami-*.twrec"));

        var replay = Twin.Run("replay", recording, "--frames");

        Assert.True(replay.ExitCode == 0, replay.Errors + replay.Output);
        var counted = Regex.Match(replay.Output, @"Frames: ([\d,]+) of ([\d,]+) regenerated bit for bit\.");
        Assert.True(counted.Success, replay.Output);
        Assert.Equal(counted.Groups[2].Value, counted.Groups[1].Value);
        Assert.NotEqual("0", counted.Groups[1].Value);
    }

    [Fact]
    public void A_changed_frame_hash_is_a_frame_divergence_named_by_camera_and_tick_while_the_world_still_matches()
    {
        string recording = Path.Combine(_folder, "fire.twrec");
        var run = Twin.Run("run", FilmedFire, "--headless", "--until", "20s", "--fps", "1", "--frames", Path.Combine(_folder, "frames"), "--record", recording, "--model", "renderer");
        Assert.True(run.ExitCode == 0, run.Errors + run.Output);
        Assert.Contains("Recording to", run.Output);

        var replay = Twin.Run("replay", recording, "--frames");
        Assert.True(replay.ExitCode == 0, replay.Errors + replay.Output);
        Assert.Contains("Frames: 40 of 40 regenerated bit for bit.", replay.Output);

        string tampered = Path.Combine(_folder, "tampered.twrec");
        long tick = Rewrite(recording, tampered, frameRecord: 0);
        var check = Twin.Run("replay", tampered, "--frames");

        Assert.True(check.ExitCode == 1, check.Errors + check.Output);
        string said = OneLine(check.Output);
        Assert.Contains("Every state hash matches, but the frames diverged.", said);
        // Only the changed frame differs: the frames after it are regenerated from what was really generated.
        Assert.Contains("1 of 40 regenerated differently", said);
        Assert.Contains($"camera above at tick {tick:N0}", said);
        Assert.Contains("made by the renderer", said);
    }

    [Fact]
    public void A_recording_without_frame_hashes_says_so()
    {
        string recording = Path.Combine(_folder, "plain.twrec");
        Assert.Equal(0, Twin.Run("run", FilmedFire, "--headless", "--until", "2s", "--record", recording).ExitCode);

        var (exitCode, output, errors) = Twin.Run("replay", recording, "--frames");

        Assert.True(exitCode == 2, errors + output);
        Assert.Contains("has no frame hashes: the run was not filmed with --frames", errors);
    }

    /// <summary>
    /// Copies a recording with the first frame hash changed in its <paramref name="frameRecord"/>-th frames record (CRCs
    /// made anew) and returns that frame's tick. The first call's first frame is "above"'s: the scenario's first
    /// camera is submitted first.
    /// </summary>
    private static long Rewrite(string from, string to, int frameRecord)
    {
        using var reader = RecordingReader.Open(from);
        using var writer = RecordingWriter.Create(to);
        long? changed = null;
        int frames = 0;
        for (int i = 0; i < reader.Records.Count; i++)
        {
            var kind = reader.Records[i].Kind;
            byte[] payload = reader.ReadPayload(i);
            if (kind == RecordKind.Frames && frames++ == frameRecord)
            {
                var batch = RecordedFrame.FromBytes(payload);
                batch[0] = batch[0] with { Hash = batch[0].Hash ^ 1 };
                payload = RecordedFrame.ToBytes(batch);
                changed = batch[0].Tick;
            }
            writer.Append(kind, payload);
        }
        return changed ?? throw new InvalidOperationException("the recording has too few frames records");
    }
}
