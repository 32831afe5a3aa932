using System.ComponentModel.DataAnnotations;
using TwinWorld.Cluster.Silos;
using TwinWorld.Replay.Forecasts;

namespace TwinWorld.Server.Forecasting;

/// <summary>
/// The "Forecasts" configuration section: what analysts' (and admins') forecasts may cost, so that no request
/// can take cores or memory from the live world (README's "Quotas" table lists them with the other quotas), and
/// where they run: here, or on a cluster's silos.
/// </summary>
public sealed class ForecastOptions
{
    public const string Section = "Forecasts";

    /// <summary>Forecasts running at once on the whole server, each on one core.</summary>
    [Range(0, 64, ErrorMessage = "Forecasts:MaxRunning must be 0 (no forecasts) to 64.")]
    public int MaxRunning { get; set; } = 2;

    /// <summary>Forecasts one client may have running at once.</summary>
    [Range(1, 64, ErrorMessage = "Forecasts:MaxPerClient must be 1 to 64.")]
    public int MaxPerClient { get; set; } = 1;

    /// <summary>How far ahead a forecast may look, in simulated seconds.</summary>
    // Bounds written as doubles: whole-number bounds make the check convert the value to int, which NaN cannot survive.
    [Range(1.0, 86_400.0, ErrorMessage = "Forecasts:MaxAheadSeconds must be between 1 and 86400.")]
    public double MaxAheadSeconds { get; set; } = 3600;

    /// <summary>The most people a forecast's world may hold, the live world's and those its actions spawn (memory grows with them).</summary>
    [Range(1, 10_000_000, ErrorMessage = "Forecasts:MaxAgents must be 1 to 10000000.")]
    public int MaxAgents { get; set; } = 200_000;

    /// <summary>Processor time one forecast may use, in seconds.</summary>
    [Range(0.1, 86_400.0, ErrorMessage = "Forecasts:MaxProcessorSeconds must be between 0.1 and 86400.")]
    public double MaxProcessorSeconds { get; set; } = 120;

    /// <summary>The server's managed heap, in MB, past which forecasts stop and new ones are refused.</summary>
    [Range(16, 1_048_576, ErrorMessage = "Forecasts:MaxHeapMB must be 16 to 1048576.")]
    public int MaxHeapMB { get; set; } = 4096;

    /// <summary>A cluster (as <c>twin sweep --cluster</c> takes it) that runs the forecasts instead of this server's cores; empty: here.</summary>
    public string? Cluster { get; set; }

    /// <summary>With <see cref="Cluster"/>: the cluster's name, as its silos' <c>--cluster-id</c>.</summary>
    public string ClusterId { get; set; } = SiloSettings.DefaultClusterId;

    internal ForecastLimits Limits => new()
    {
        MaxAgents = MaxAgents,
        MaxProcessorTime = TimeSpan.FromSeconds(MaxProcessorSeconds),
        MaxHeapBytes = (long)MaxHeapMB << 20,
    };
}
