using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

/// <summary>A validated scenario, bound to its parameter values, with its map built.</summary>
public sealed record Scenario(
    string Name,
    string Description,
    string File,
    ulong Seed,
    double TickRateHz,
    Site Site,
    IReadOnlyList<PopulationGroup> Population,
    AlertPolicy? AlertPolicy,
    IReadOnlyList<PlaceCamera> Cameras,
    CommandAction Wind,
    IReadOnlyList<TimedAction> Events,
    IReadOnlyList<TriggerSpec> Triggers,
    IReadOnlyList<ParameterSpec> Parameters,
    IReadOnlyList<Metric> Metrics,
    TimeSpan MetricsInterval,
    EndSpec End)
{
    /// <summary>The side of the water's cells (m), from <c>map: {water_cell: ...}</c>; null for the simulation's default.</summary>
    public float? WaterCellSize { get; init; }
}
