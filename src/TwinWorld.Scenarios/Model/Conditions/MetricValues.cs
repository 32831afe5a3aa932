using TwinWorld.Simulation;

namespace TwinWorld.Scenarios.Model;

/// <summary>Reads a metric out of a run's outcome.</summary>
public static class MetricValues
{
    public static double Of(RunOutcome outcome, Metric metric) => metric switch
    {
        Metric.Evacuated => outcome.Evacuated,
        Metric.Injured => outcome.Injured,
        Metric.Incapacitated => outcome.Incapacitated,
        Metric.FloodedArea => outcome.FloodedArea,
        Metric.MaxDepth => outcome.MaxInundationDepth,
        Metric.BurnedArea => outcome.BurnedArea,
        Metric.DamagedBuildings => outcome.DamagedBuildingArea,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    /// <summary>Whether the metric counts people (so it can be given as a percentage of all agents).</summary>
    public static bool CountsPeople(Metric metric) => metric is Metric.Evacuated or Metric.Injured or Metric.Incapacitated;
}
