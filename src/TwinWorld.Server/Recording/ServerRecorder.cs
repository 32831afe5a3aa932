using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TwinWorld.Replay.Runs;
using TwinWorld.Server.Ticking;
using TwinWorld.Server.World;
using TwinWorld.Simulation;
using Sim = TwinWorld.Simulation.Simulator;

namespace TwinWorld.Server.Recording;

/// <summary>
/// Records the hosted scenario run, as <c>twin run --record</c> does: started before the first tick,
/// fed after every tick on the tick thread, finished (end record, flushed) when the server stops,
/// after the tick loop has stopped. Players' and authors' inputs are in it, so <c>twin replay</c>
/// verifies a server's session tick by tick. The tick never waits for the disk: one that falls minutes
/// behind stops the recording, with an error in the log (<see cref="RunRecorder.Stopped"/>).
/// </summary>
internal sealed class ServerRecorder(HostedWorld world, IOptions<RecordingOptions> options, IOptions<WorldOptions> worldOptions, ILogger<ServerRecorder> logger) : IHostedService, ITickListener, IDisposable
{
    private RunRecorder? _recorder;
    private bool _stopReported;

    /// <summary>The file being written, once started.</summary>
    public string? Path => _recorder?.Path;

    /// <summary>The recorder, once started: <see cref="Generation.FrameService"/> adds the generated frames' hashes.</summary>
    internal RunRecorder? Recorder => _recorder;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Folder) || world.Run is not { } run)
        {
            return Task.CompletedTask;
        }
        var scenario = run.Scenario;
        string folder = System.IO.Path.GetFullPath(settings.Folder);
        Directory.CreateDirectory(folder);
        string path = System.IO.Path.Combine(folder, $"{scenario.Name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.twrec");
        long snapshotEvery = (long)Math.Round(settings.SnapshotEverySeconds * scenario.TickRateHz);
        _recorder = RunRecorder.Start(path, run, RunHeader.For(scenario, worldOptions.Value.Parameters, run.SetupHash, snapshotEvery), live: true);
        logger.LogInformation("Recording to {Path} (a snapshot every {Seconds} s)", path, settings.SnapshotEverySeconds);
        return Task.CompletedTask;
    }

    public TickStage Stage => TickStage.Record;

    public void AfterTick(Sim simulation, TickReport report)
    {
        if (_recorder is not { } recorder)
        {
            return;
        }
        recorder.Record(report);
        if (recorder.Stopped is { } why && !_stopReported)
        {
            _stopReported = true;
            logger.LogError("Recording to {Path}: {Why}", recorder.Path, why);
        }
    }

    /// <summary>Runs after the tick loop has stopped (hosted services stop in reverse order), so the end record is the last.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_recorder is { } recorder)
        {
            recorder.Finish();
            if (recorder.Stopped is null)
            {
                logger.LogInformation("Recording finished: {Path}, {Ticks} ticks, {Snapshots} snapshots", recorder.Path, world.Simulation.Tick, recorder.Snapshots);
            }
        }
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _recorder?.Dispose();
        _recorder = null;
    }
}
