using System.Text.Json;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Models;

namespace TwinWorld.Cli.Datasets;

/// <summary>
/// Writes a training dataset (tools/train/DATASET.md). Cameras are filmed side by side, so each camera has a lane that
/// holds its current run of consecutive frames; <see cref="EndRun"/> appends the run to <c>samples.bin</c> as one
/// source, so every source is one camera's consecutive frames. <see cref="Finish"/> then writes <c>dataset.json</c>:
/// a folder with a <c>dataset.json</c> is a complete dataset.
/// </summary>
internal sealed class DatasetWriter : IDisposable
{
    public const string SamplesFile = "samples.bin";
    public const string DescriptionFile = "dataset.json";

    private readonly string _folder;
    private readonly FileStream _samples;
    private readonly byte[] _record;
    private readonly List<MemoryStream> _lanes = [];
    private readonly List<DatasetSource> _sources = [];

    /// <summary>Starts a dataset in the folder (created if need be), replacing one that is there.</summary>
    public DatasetWriter(string folder, int width, int height, int contextFrames)
    {
        _folder = folder;
        Width = width;
        Height = height;
        ContextFrames = contextFrames;
        Directory.CreateDirectory(folder);
        File.Delete(Path.Combine(folder, DescriptionFile));
        _samples = new FileStream(Path.Combine(folder, SamplesFile), FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20);
        _record = new byte[TrainingRecord.Size(width, height, contextFrames)];
    }

    public int Width { get; }

    public int Height { get; }

    public int ContextFrames { get; }

    public int RecordBytes => _record.Length;

    /// <summary>Samples in samples.bin so far (runs still in their lanes not counted).</summary>
    public long Count { get; private set; }

    /// <summary>Samples added so far, in lanes or written.</summary>
    public long Added { get; private set; }

    public IReadOnlyList<DatasetSource> Sources => _sources;

    /// <summary>Adds a sample to a camera's current run.</summary>
    public void Add(int lane, CameraConditions conditions, IReadOnlyList<RgbImage> context, RgbImage target)
    {
        while (_lanes.Count <= lane)
        {
            _lanes.Add(new MemoryStream());
        }
        TrainingRecord.Encode(_record, conditions, context, ContextFrames, target);
        _lanes[lane].Write(_record);
        Added++;
    }

    /// <summary>Appends a camera's run to samples.bin as one source, and empties its lane.</summary>
    public void EndRun(int lane, string scenario, ulong seed, string camera)
    {
        if (lane >= _lanes.Count || _lanes[lane].Length == 0)
        {
            return;
        }
        var run = _lanes[lane];
        long samples = run.Length / RecordBytes;
        run.Position = 0;
        run.CopyTo(_samples);
        run.SetLength(0);
        Count += samples;
        _sources.Add(new DatasetSource(scenario, seed, camera, samples));
    }

    /// <summary>Flushes the samples and writes dataset.json; <paramref name="extra"/> adds keys of this writer's own.</summary>
    public void Finish(IReadOnlyDictionary<string, object> extra)
    {
        _samples.Flush();
        var description = new Dictionary<string, object>
        {
            ["contract"] = ModelManifest.Contract,
            ["resolution"] = new[] { Height, Width },
            ["context_frames"] = ContextFrames,
            ["count"] = Count,
            ["record_bytes"] = RecordBytes,
            ["sources"] = _sources.Select(s => new Dictionary<string, object>
            {
                ["scenario"] = s.Scenario,
                ["seed"] = s.Seed,
                ["camera"] = s.Camera,
                ["samples"] = s.Samples,
            }).ToList(),
        };
        foreach (var (key, value) in extra)
        {
            description[key] = value;
        }
        File.WriteAllText(Path.Combine(_folder, DescriptionFile), JsonSerializer.Serialize(description, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    public void Dispose()
    {
        _samples.Dispose();
        _lanes.ForEach(lane => lane.Dispose());
    }
}
