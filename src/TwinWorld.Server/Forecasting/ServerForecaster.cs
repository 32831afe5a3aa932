using System.Globalization;
using Microsoft.Extensions.Logging;
using TwinWorld.Net.Sessions;
using TwinWorld.Protocol.V1;
using TwinWorld.Replay.Forecasts;
using TwinWorld.Server.Ticking;
using TwinWorld.Server.World;
using TwinWorld.Simulation;
using Sim = TwinWorld.Simulation.Simulation;

namespace TwinWorld.Server.Forecasting;

/// <summary>
/// Analysts' forecasts over the network: each request becomes a <see cref="LiveForecasts"/> fork of the
/// hosted scenario run, copied on the tick thread between ticks (the live world's only cost), run ahead
/// on its own thread, its samples streamed back as they come. At most <see cref="MaxRunning"/> run at
/// once, each on one worker, so forecasts cannot starve the live tick of cores.
/// </summary>
internal sealed class ServerForecaster(HostedWorld world, ILogger<ServerForecaster> logger) : IForecaster, ITickListener, IDisposable
{
    public const int MaxRunning = 2;

    private readonly LiveForecasts _forecasts = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _running;

    public void Start(ForecastRequest request, Action<ForecastResponse> reply, Action<ErrorCode, string> fail)
    {
        if (world.Run is null)
        {
            fail(ErrorCode.NotAvailable, "forecasts need a scenario: start the server with World:Scenario=<file>");
            return;
        }
        // The network checks ahead_seconds against its own limit; every_seconds only for being finite.
        if (!Duration.TryFromSeconds(request.EverySeconds, request.EverySeconds.ToString(CultureInfo.InvariantCulture), out var every, out string? problem))
        {
            fail(ErrorCode.InvalidArgument, $"every_seconds {problem}");
            return;
        }
        var ahead = TimeSpan.FromSeconds(request.AheadSeconds);
        if (Interlocked.Increment(ref _running) > MaxRunning)
        {
            Interlocked.Decrement(ref _running);
            fail(ErrorCode.NotAvailable, $"{MaxRunning} forecasts are already running; ask again when one has finished");
            return;
        }
        _ = Task.Run(() => Stream(request, ahead, every > TimeSpan.Zero ? every : ahead / 10, reply, fail));
    }

    /// <summary>Tick thread: copies the live run for every forecast asked for since the last tick.</summary>
    public void AfterTick(Sim simulation, TickReport report)
    {
        if (world.Run is { } run)
        {
            _forecasts.ServiceBetweenTicks(run);
        }
    }

    /// <summary>Stops running forecasts. Idempotent: the container disposes this once per interface it is registered as.</summary>
    public void Dispose()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
        }
    }

    private async Task Stream(ForecastRequest request, TimeSpan ahead, TimeSpan every, Action<ForecastResponse> reply, Action<ErrorCode, string> fail)
    {
        try
        {
            int samples = 0;
            await foreach (var sample in _forecasts.Forecast(ahead, request.Actions, every, workers: 1, _stopping.Token))
            {
                reply(new ForecastResponse { RequestId = request.RequestId, Samples = { Message(sample) } });
                samples++;
            }
            reply(new ForecastResponse { RequestId = request.RequestId, Last = true });
            logger.LogInformation("Forecast {Request} done: {Samples} samples over {Ahead} s", request.RequestId, samples, request.AheadSeconds);
        }
        catch (ForecastException e)
        {
            fail(ErrorCode.InvalidArgument, e.Message);
        }
        catch (OperationCanceledException)
        {
            fail(ErrorCode.NotAvailable, "the server is shutting down");
        }
        catch (Exception e)
        {
            // A forecast's failure is its own: the live world does not depend on it.
            logger.LogError(e, "Forecast {Request} failed", request.RequestId);
            fail(ErrorCode.NotAvailable, $"the forecast failed: {e.Message}");
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static Protocol.V1.ForecastSample Message(Replay.Forecasts.ForecastSample sample)
    {
        var outcome = sample.Outcome;
        return new Protocol.V1.ForecastSample
        {
            AtSeconds = (float)sample.At.TotalSeconds,
            Agents = (uint)outcome.Agents,
            Evacuated = (uint)outcome.Evacuated,
            Injured = (uint)outcome.Injured,
            Incapacitated = (uint)outcome.Incapacitated,
            FloodedAreaM2 = outcome.FloodedArea,
            BurnedAreaM2 = outcome.BurnedArea,
        };
    }
}
