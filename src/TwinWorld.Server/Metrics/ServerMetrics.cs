using System.Diagnostics.Metrics;
using TwinWorld.Ecs;
using TwinWorld.Server.Ticking;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Simulation.Hazards;
using Sim = TwinWorld.Simulation.Simulator;

namespace TwinWorld.Server.Metrics;

/// <summary>
/// The tick loop's instruments on the "TwinWorld.Server" meter: tick duration, overruns, skipped ticks,
/// and the world's entity counts. The counts are published by the tick thread after each tick and only
/// read by the gauges, so a scrape never touches the world off the tick thread.
/// </summary>
internal sealed class ServerMetrics : ITickListener
{
    public const string MeterName = "TwinWorld.Server";

    private static readonly QueryDescription Agents = new QueryDescription().WithAll<Agent>();
    private static readonly QueryDescription Hazards = new QueryDescription().WithAll<HazardEvent>();
    private static readonly QueryDescription Cameras = new QueryDescription().WithAll<CameraPose>();

    private readonly Histogram<double> _tickDuration;
    private readonly Counter<long> _overruns;
    private readonly Counter<long> _skipped;
    private int _agents, _hazards, _cameras;

    public ServerMetrics(IMeterFactory factory)
    {
        var meter = factory.Create(MeterName);
        _tickDuration = meter.CreateHistogram("twinworld.tick.duration", "ms", "Wall time of one simulation step (the tick and its listeners)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 1000] });
        _overruns = meter.CreateCounter<long>("twinworld.tick.overruns", "{tick}", "Ticks that finished after the next one was due");
        _skipped = meter.CreateCounter<long>("twinworld.tick.skipped", "{tick}", "Ticks skipped to get back on schedule after falling too far behind");
        meter.CreateObservableGauge("twinworld.world.agents", () => Volatile.Read(ref _agents), "{agent}", "Agents in the world after the last tick");
        meter.CreateObservableGauge("twinworld.world.hazards", () => Volatile.Read(ref _hazards), "{hazard}", "Hazards active in the last tick (stopped and finished ones stay in the world as records)");
        meter.CreateObservableGauge("twinworld.world.cameras", () => Volatile.Read(ref _cameras), "{camera}", "Cameras in the world after the last tick");
    }

    /// <summary>Tick thread: one tick's duration and how it kept to the schedule.</summary>
    public void Ticked(double durationMs, bool overran, long skipped)
    {
        _tickDuration.Record(durationMs);
        if (overran)
        {
            _overruns.Add(1);
        }
        if (skipped > 0)
        {
            _skipped.Add(skipped);
        }
    }

    public TickStage Stage => TickStage.Measure;

    /// <summary>Tick thread: entity counts (archetype sums, not a walk over entities; hazards are few, so they are walked to count the active).</summary>
    public void AfterTick(Sim simulation, TickReport report)
    {
        var world = simulation.World;
        Volatile.Write(ref _agents, world.CountEntities(Agents));
        Volatile.Write(ref _cameras, world.CountEntities(Cameras));
        int active = 0;
        foreach (var chunk in world.GetChunks(Hazards))
        {
            foreach (var hazard in chunk.GetSpan<HazardEvent>())
            {
                active += hazard.IsActiveAt(report.Tick) ? 1 : 0;
            }
        }
        Volatile.Write(ref _hazards, active);
    }
}
