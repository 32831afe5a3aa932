using System.Diagnostics;
using TwinWorld.Cluster.Runs;
using TwinWorld.Cluster.Sweeps;
using TwinWorld.Replay.Forecasts;
using TwinWorld.Scenarios.Model;

namespace TwinWorld.Cluster.Forecasts;

/// <summary>
/// Runs live forecasts on the cluster instead of this machine's cores: each copied state, with the analyst's
/// ask, the limits and the scenario's <see cref="ScenarioSource"/>, goes to a grain of its own, polled for its
/// samples as they come. It connects on the first forecast (and again after a failed try). A cluster that does
/// not answer, or a silo lost under a forecast, ends that forecast with a <see cref="ForecastException"/> saying
/// so (retryable); it is not started again elsewhere, since the analyst is waiting and can ask again.
/// </summary>
/// <param name="source">The hosted scenario, as the silos rebuild it; the <see cref="Scenario"/> handed to <see cref="Run"/> must be it.</param>
public sealed class ClusterForecastRunner(ClusterAddress address, string clusterId, ScenarioSource source, ForecastLimits limits) : IForecastRunner, IAsyncDisposable
{
    /// <summary>How long a forecast waits for the cluster to answer about it (a silo declared dead takes about 10 s) before it is given up.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _disposing = new();
    private Task<ClusterConnection>? _connection;

    /// <summary>Between polls: a sample waits at most this long on its silo.</summary>
    public TimeSpan PollEvery { get; init; } = TimeSpan.FromMilliseconds(250);

    public ClusterAddress Address => address;

    public async Task Run(Scenario scenario, byte[] state, ForecastAsk ask, Action<ForecastSample> sample, CancellationToken cancel)
    {
        var grains = (await Connection()).Client;
        var grain = grains.GetGrain<IForecastGrain>(Guid.NewGuid().ToString("N"));
        var job = ForecastJob.Of(source, state, ask, limits);
        string? silo = null;
        try
        {
            await Answered(grain.Start(job), "did not take the forecast");
            int received = 0;
            var answered = Stopwatch.StartNew();
            while (true)
            {
                await Task.Delay(PollEvery, cancel);
                ForecastProgress progress;
                try
                {
                    progress = await grain.Poll(received);
                    answered.Restart();
                }
                catch (Exception e) when (e is OrleansException or TimeoutException)
                {
                    // Its silo is gone or unreachable: once the cluster declares it dead, the next poll meets a fresh, empty grain.
                    if (answered.Elapsed > GiveUpAfter)
                    {
                        throw new ForecastException($"the forecast cluster at {address} did not answer about the forecast for {GiveUpAfter.TotalSeconds:0} s ({ClusterConnection.Reason(e)}); ask again", retryable: true);
                    }
                    continue;
                }
                silo = progress.Silo ?? silo;
                foreach (var next in progress.Samples)
                {
                    sample(next);
                    received++;
                }
                switch (progress.State)
                {
                    case RunState.Succeeded:
                        return;
                    case RunState.Failed:
                        throw new ForecastException(progress.Problem ?? "the forecast failed on the cluster", progress.Retryable);
                    case RunState.Unknown:
                        throw new ForecastException($"the cluster lost the silo running the forecast ({silo ?? "unknown"}) after {received} sample(s); ask again", retryable: true);
                }
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The analyst left: stop it there, as a local forecast stops.
            await CancelQuietly(grain);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposing.CancelAsync();
        Task<ClusterConnection>? connection;
        lock (_gate)
        {
            connection = _connection;
        }
        if (connection is { IsCompletedSuccessfully: true })
        {
            await connection.Result.DisposeAsync();
        }
        _disposing.Dispose();
    }

    /// <summary>The connection, made on first use and made again after a try that failed.</summary>
    private Task<ClusterConnection> Connection()
    {
        lock (_gate)
        {
            if (_connection is null || _connection.IsFaulted || _connection.IsCanceled)
            {
                _connection = Connect();
            }
            return _connection;
        }
    }

    private async Task<ClusterConnection> Connect()
    {
        try
        {
            return await ClusterConnection.Connect(address, clusterId, _disposing.Token);
        }
        catch (Exception e) when (ClusterConnection.IsUnreachable(e))
        {
            throw new ForecastException($"the forecast cluster at {address} does not answer ({ClusterConnection.Reason(e)}); ask again later", retryable: true);
        }
    }

    private async Task Answered(Task call, string what)
    {
        try
        {
            await call;
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            throw new ForecastException($"the forecast cluster at {address} {what} ({ClusterConnection.Reason(e)}); ask again", retryable: true);
        }
    }

    private static async Task CancelQuietly(IForecastGrain grain)
    {
        try
        {
            await grain.Cancel().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            // Unreachable now: its silo cancels it when no one has asked about it for a while (RunSlots.OrphanAfter).
        }
    }
}
