using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Rendering;
using TwinWorld.Scenarios.Model;
using TwinWorld.Scenarios.Running;
using TwinWorld.Simulation;

namespace TwinWorld.Cli.Datasets;

/// <summary>
/// Films one scenario run for a dataset: <see cref="DatasetCameras"/> in bursts of consecutive frames, the bursts
/// spread evenly from the first tick to the end of the run so they cover before, during and after the hazard. Each
/// burst but the first starts with K warm-up frames that only fill the context, so its first sample has the
/// camera's previous frames as the model would; a camera's first burst starts with none (zeros), as a model's
/// first frames do. The run goes on past the scenario's end condition, to its end time (or the limit given).
/// Each camera's time of day starts at an hour of its own between 06:00 and 21:00.
/// </summary>
internal sealed class ScenarioFilming
{
    private readonly Scenario _scenario;
    private readonly int _resolution;
    private readonly int _contextFrames;
    private readonly int _burst;
    private readonly long _intervalTicks;
    private readonly int _perCamera;
    private readonly long _totalTicks;
    private readonly int _bursts;
    private readonly long _burstTicks;

    /// <summary>Plans the filming; throws <see cref="ArgumentException"/> with what to change when the samples do not fit in the run.</summary>
    public ScenarioFilming(Scenario scenario, int samplesPerCamera, int resolution, int contextFrames, int burst, TimeSpan frameInterval, TimeSpan? until)
    {
        _scenario = scenario;
        _resolution = resolution;
        _contextFrames = contextFrames;
        _burst = burst;
        _perCamera = samplesPerCamera;
        _intervalTicks = Math.Max(1, (long)Math.Round(frameInterval.TotalSeconds * scenario.TickRateHz));
        var length = until is { } limit && limit < scenario.End.After ? limit : scenario.End.After;
        _totalTicks = (long)Math.Round(length.TotalSeconds * scenario.TickRateHz);
        _bursts = (samplesPerCamera + burst - 1) / burst;
        _burstTicks = 1 + ((contextFrames + burst) * _intervalTicks);
        if (_bursts * _burstTicks > _totalTicks)
        {
            throw new ArgumentException(
                $"'{scenario.Name}': {samplesPerCamera} samples a camera in bursts of {burst} (plus {contextFrames} warm-up frames), {_intervalTicks / scenario.TickRateHz:0.##} s apart, "
                + $"need {Duration.Format(TimeSpan.FromSeconds(_bursts * _burstTicks / scenario.TickRateHz))} of the run, which is {Duration.Format(length)} long: "
                + "ask for fewer --samples, a shorter --frame-interval or a longer --until");
        }
    }

    /// <summary>Simulated seconds the filming runs for (to the end of the last burst).</summary>
    public double Seconds => LastTick / _scenario.TickRateHz;

    private long LastTick => Start(_bursts - 1) + _burstTicks;

    /// <summary>Runs the scenario and adds every camera's bursts to the writer; reports simulated seconds as it goes.</summary>
    public void Film(DatasetWriter writer, int workers, Action<double> progress)
    {
        var run = new ScenarioRun(_scenario, workers);
        var simulation = run.Simulation;
        var cameras = new DatasetCameras(simulation, _scenario.Seed);
        var hours = DeterministicRandom.ForStream(_scenario.Seed, 0x40E);
        var conditioners = cameras.Cameras.Select(_ => new CameraConditioner(simulation, _resolution, _resolution, hours.NextFloat(6, 21))).ToArray();
        var renderer = new ReferenceRenderer(_resolution, _resolution, _contextFrames);
        var context = cameras.Cameras.Select(_ => new List<RgbImage>()).ToArray();
        void StepTo(long tick)
        {
            while (simulation.Tick < tick)
            {
                if (run.Step() is null)
                {
                    simulation.Step(); // past the scenario's end condition: the hazard goes on
                }
                progress(simulation.SimulatedTime.TotalSeconds);
            }
        }

        for (int b = 0; b < _bursts; b++)
        {
            long start = Start(b);
            StepTo(start);
            cameras.StartBurst();
            for (int c = 0; c < conditioners.Length; c++)
            {
                conditioners[c].Forget(cameras.Cameras[c]);
                context[c].Clear();
            }
            int warm = b == 0 ? 0 : _contextFrames;
            int samples = Math.Min(_burst, _perCamera - (b * _burst));
            for (int f = 0; f < warm + samples; f++)
            {
                StepTo(start + 1 + (f * _intervalTicks));
                for (int c = 0; c < conditioners.Length; c++)
                {
                    var conditions = conditioners[c].Build(cameras.Cameras[c]);
                    var frame = renderer.Render(conditions);
                    if (f >= warm)
                    {
                        writer.Add(c, conditions, context[c], frame);
                    }
                    context[c].Add(frame);
                    if (context[c].Count > _contextFrames)
                    {
                        context[c].RemoveAt(0);
                    }
                }
                cameras.Advance((float)(_intervalTicks / simulation.TickRateHz));
            }
            for (int c = 0; c < conditioners.Length; c++)
            {
                writer.EndRun(c, _scenario.Name, _scenario.Seed, DatasetCameras.Names[c]);
            }
        }
        progress(Seconds);
    }

    /// <summary>Where a burst starts: spread evenly from the first tick to the end; a single burst films the end (the run up to --until).</summary>
    private long Start(int burst) => _bursts == 1 ? _totalTicks - _burstTicks : burst * (_totalTicks - _burstTicks) / (_bursts - 1);
}
