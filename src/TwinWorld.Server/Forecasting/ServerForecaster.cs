using System.Globalization;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TwinWorld.Net.Sessions;
using TwinWorld.Protocol.V1;
using TwinWorld.Replay.Forecasts;
using TwinWorld.Server.Ticking;
using TwinWorld.Server.World;
using TwinWorld.Simulation;
using Sim = TwinWorld.Simulation.Simulator;

namespace TwinWorld.Server.Forecasting;

/// <summary>
/// Analysts' forecasts over the network: each request becomes a <see cref="LiveForecasts"/> fork of the
/// hosted scenario run, copied on the tick thread between ticks (the live world's only cost), run ahead
/// by the <see cref="IForecastRunner"/> (on a thread of its own here, or on a cluster's silo: Forecasts:Cluster),
/// its samples streamed back as they come. <see cref="ForecastOptions"/> are the quotas:
/// how many run at once, on the server and per client (each on one core), how far ahead, and what one may
/// cost; a forecast stops when its client leaves, so forecasts cannot starve the live tick.
/// </summary>
internal sealed class ServerForecaster : IForecaster, ITickListener, IDisposable
{
    public const string MeterName = "TwinWorld.Forecasts";

    private readonly HostedWorld _world;
    private readonly ILogger<ServerForecaster> _logger;
    private readonly ForecastOptions _quota;
    private readonly ForecastLimits _limits;
    private readonly LiveForecasts _forecasts;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<ulong, int> _runningPerClient = [];
    private int _running;

    public ServerForecaster(HostedWorld world, IForecastRunner runner, IOptions<ForecastOptions> options, IMeterFactory meters, ILogger<ServerForecaster> logger)
    {
        _world = world;
        _logger = logger;
        _quota = options.Value;
        _limits = _quota.Limits;
        _forecasts = new LiveForecasts(runner);
        meters.Create(MeterName).CreateObservableGauge("twinworld.forecasts.running", () => _forecasts.Running, "{forecast}",
            "Forecasts computing now (a forecast whose client left stops within a tick)");
    }

    public void Start(ForecastRequest request, ulong client, CancellationToken clientGone, Action<ForecastResponse> reply, Action<ErrorCode, string> fail)
    {
        if (_world.Run is null)
        {
            fail(ErrorCode.NotAvailable, "forecasts need a scenario: start the server with World:Scenario=<file>");
            return;
        }
        if (request.AheadSeconds > _quota.MaxAheadSeconds)
        {
            fail(ErrorCode.InvalidArgument, $"a forecast may look at most {_quota.MaxAheadSeconds} s ahead (got {request.AheadSeconds})");
            return;
        }
        // The network checks ahead_seconds for being positive and finite; every_seconds only for being finite.
        if (!Duration.TryFromSeconds(request.EverySeconds, request.EverySeconds.ToString(CultureInfo.InvariantCulture), out var every, out string? problem))
        {
            fail(ErrorCode.InvalidArgument, $"every_seconds {problem}");
            return;
        }
        if (GC.GetTotalMemory(forceFullCollection: false) > _limits.MaxHeapBytes)
        {
            fail(ErrorCode.NotAvailable, $"the server is short of memory for forecasts (Forecasts:MaxHeapMB {_quota.MaxHeapMB}); ask again later");
            return;
        }
        if (TryReserve(client) is { } refusal)
        {
            fail(ErrorCode.NotAvailable, refusal);
            return;
        }
        var ahead = TimeSpan.FromSeconds(request.AheadSeconds);
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, clientGone);
        _ = Task.Run(() => Stream(request, client, ahead, every > TimeSpan.Zero ? every : ahead / 10, reply, fail, cancel));
    }

    public TickStage Stage => TickStage.Forecast;

    /// <summary>Tick thread: copies the live run for every forecast asked for since the last tick.</summary>
    public void AfterTick(Sim simulation, TickReport report)
    {
        if (_world.Run is { } run)
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

    private async Task Stream(ForecastRequest request, ulong client, TimeSpan ahead, TimeSpan every, Action<ForecastResponse> reply,
        Action<ErrorCode, string> fail, CancellationTokenSource cancel)
    {
        try
        {
            int samples = 0;
            await foreach (var sample in _forecasts.Forecast(ahead, request.Actions, every, workers: 1, cancel.Token))
            {
                reply(new ForecastResponse { RequestId = request.RequestId, Samples = { Message(sample) } });
                samples++;
            }
            reply(new ForecastResponse { RequestId = request.RequestId, Last = true });
            _logger.LogInformation("Forecast {Request} done: {Samples} samples over {Ahead} s", request.RequestId, samples, request.AheadSeconds);
        }
        catch (ForecastException e)
        {
            fail(e.Retryable ? ErrorCode.NotAvailable : ErrorCode.InvalidArgument, e.Message);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            fail(ErrorCode.NotAvailable, "the server is shutting down");
        }
        catch (OperationCanceledException)
        {
            _logger.LogInformation("Forecast {Request} of client {Client} stopped: the client left", request.RequestId, client);
        }
        catch (Exception e)
        {
            // A forecast's failure is its own: the live world does not depend on it.
            _logger.LogError(e, "Forecast {Request} failed", request.RequestId);
            fail(ErrorCode.NotAvailable, $"the forecast failed: {e.Message}");
        }
        finally
        {
            cancel.Dispose();
            Release(client);
        }
    }

    /// <summary>Takes a place for one more forecast of the client's, or says which quota is full.</summary>
    private string? TryReserve(ulong client)
    {
        lock (_runningPerClient)
        {
            if (_running >= _quota.MaxRunning)
            {
                return _quota.MaxRunning == 0
                    ? "this server runs no forecasts (Forecasts:MaxRunning is 0)"
                    : $"{_quota.MaxRunning} forecasts are already running; ask again when one has finished";
            }
            int mine = _runningPerClient.GetValueOrDefault(client);
            if (mine >= _quota.MaxPerClient)
            {
                return $"you have {mine} forecast{(mine == 1 ? "" : "s")} running, the most a client may; ask again when it has finished";
            }
            _running++;
            _runningPerClient[client] = mine + 1;
            return null;
        }
    }

    private void Release(ulong client)
    {
        lock (_runningPerClient)
        {
            _running--;
            if (--_runningPerClient[client] == 0)
            {
                _runningPerClient.Remove(client);
            }
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
