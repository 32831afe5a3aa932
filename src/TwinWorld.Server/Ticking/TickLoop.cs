using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TwinWorld.Net.Sessions;
using TwinWorld.Simulation.Agents;
using TwinWorld.Server.Metrics;
using TwinWorld.Server.World;
using TwinWorld.Simulation;

namespace TwinWorld.Server.Ticking;

/// <summary>
/// Runs the world at a fixed rate on its own thread, the only thread that mutates the world, and
/// logs tick statistics every few seconds. A tick that throws is a bug: the server logs it and stops
/// with a non-zero exit code rather than run on with a half-updated world. Listeners see each tick's
/// world right after it ran, in <see cref="TickStage"/> order.
/// </summary>
internal sealed class TickLoop(HostedWorld world, TickProgress progress, IOptions<TickOptions> options, ILogger<TickLoop> logger, IHostApplicationLifetime lifetime,
    IEnumerable<ITickListener> listeners, ServerMetrics metrics)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Thread? _thread;

    /// <summary>The listeners in the order they are told of each tick.</summary>
    public IReadOnlyList<ITickListener> Listeners { get; } = [.. listeners.OrderBy(l => l.Stage)];
    private long _ticksRun;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _thread = new Thread(Run) { Name = "tick", IsBackground = true };
        _thread.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        _thread?.Join();
        logger.LogInformation("Tick loop stopped after {Ticks} ticks", _ticksRun);
        return Task.CompletedTask;
    }

    /// <summary>Also stops the thread: when the host fails to start (Ctrl+C during start-up), StopAsync is never called.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _thread?.Join();
        _stopping.Dispose();
    }

    private void Run()
    {
        var settings = options.Value;
        long frequency = Stopwatch.Frequency;
        var schedule = new TickSchedule(
            Stopwatch.GetTimestamp(),
            (long)Math.Round(frequency / world.Simulation.TickRateHz),
            (long)(settings.MaxCatchUpSeconds * frequency));
        var statistics = new TickStatistics();
        long reportEvery = (long)(settings.StatsIntervalSeconds * frequency);
        long lastReport = Stopwatch.GetTimestamp();
        logger.LogInformation("Ticking {World} at {RateHz} Hz; statistics every {Interval} s", world.Description, world.Simulation.TickRateHz, settings.StatsIntervalSeconds);
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                long remaining = schedule.Remaining(Stopwatch.GetTimestamp());
                if (remaining > 0)
                {
                    _stopping.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds((double)remaining / frequency));
                    continue;
                }
                long begin = Stopwatch.GetTimestamp();
                Step();
                long end = Stopwatch.GetTimestamp();
                var (overran, skipped) = schedule.Complete(end);
                double durationMs = (end - begin) * 1000.0 / frequency;
                statistics.Record(durationMs, overran, skipped);
                metrics.Ticked(durationMs, overran, skipped);
                if (skipped > 0)
                {
                    logger.LogWarning("Fell {Skipped} ticks behind schedule after tick {Tick}; skipped them to get back on time", skipped, world.Simulation.Tick);
                }
                if (end - lastReport >= reportEvery)
                {
                    Report(statistics.TakeSummary(), (double)(end - lastReport) / frequency);
                    lastReport = end;
                }
            }
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "Tick {Tick} failed; stopping the server", world.Simulation.Tick);
            progress.Fail();
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    /// <summary>
    /// Advances the simulation one tick; inputs it rejects are logged, and the run goes on. Counts steps
    /// run, not schedule slots: after a skip the schedule is ahead of the steps.
    /// </summary>
    private void Step()
    {
        var (report, ended) = world.Step();
        foreach (var listener in Listeners)
        {
            listener.AfterTick(world.Simulation, report);
        }
        if (ended is not null)
        {
            logger.LogInformation("The scenario has ended: {Reason}. The world goes on without its timeline and triggers", ended);
        }
        foreach (string rejection in report.Rejected)
        {
            // Rejections quote what clients sent (hazard names, camera names).
            logger.LogWarning("{Rejection}", ClientText.Escaped(rejection));
        }
        _ticksRun++;
        progress.Ticked(_ticksRun);
    }

    private void Report(TickSummary summary, double elapsedSeconds)
    {
        var simulation = world.Simulation;
        long tick = simulation.Tick;
        var counts = simulation.CountBehaviours();
        logger.LogInformation(
            "tick {Tick}: {Ticks} ticks ({Rate:F1} Hz), step mean {Mean:F3} ms, p99 {P99:F3} ms, max {Max:F3} ms, overruns {Overruns}, skipped {Skipped}; agents {Agents}, evacuating {Evacuating}, sheltered {Sheltered}; hash {Hash:X16}",
            tick, summary.Ticks, summary.Ticks / elapsedSeconds, summary.MeanMs, summary.P99Ms, summary.MaxMs, summary.Overruns, summary.Skipped,
            counts.Sum(), counts[(int)Behaviour.Evacuate], counts[(int)Behaviour.Sheltered], simulation.StateHash);
    }
}
