using System.Globalization;
using System.Text.Json.Serialization;
using TwinWorld.Simulation;

namespace TwinWorld.Cluster.Runs;

/// <summary>A run's outcome at one moment, as written in a run summary (units in the field names).</summary>
public sealed record OutcomeSample(
    [property: JsonPropertyName("time_s")] double TimeSeconds,
    [property: JsonPropertyName("agents")] int Agents,
    [property: JsonPropertyName("evacuated")] int Evacuated,
    [property: JsonPropertyName("injured")] int Injured,
    [property: JsonPropertyName("incapacitated")] int Incapacitated,
    [property: JsonPropertyName("flooded_area_m2")] double FloodedArea,
    [property: JsonPropertyName("max_depth_m")] double MaxDepth,
    [property: JsonPropertyName("burned_area_m2")] double BurnedArea,
    [property: JsonPropertyName("burning_area_m2")] double BurningArea,
    [property: JsonPropertyName("damaged_building_area_m2")] double DamagedBuildingArea,
    [property: JsonPropertyName("destroyed_building_area_m2")] double DestroyedBuildingArea)
{
    public static OutcomeSample Of(RunOutcome outcome) => new(
        outcome.Time.TotalSeconds, outcome.Agents, outcome.Evacuated, outcome.Injured, outcome.Incapacitated,
        Exact(outcome.FloodedArea), Exact(outcome.MaxInundationDepth), Exact(outcome.BurnedArea), Exact(outcome.BurningArea),
        Exact(outcome.DamagedBuildingArea), Exact(outcome.DestroyedBuildingArea));

    /// <summary>The float's shortest decimal form as a double: 0.1f is written 0.1, not 0.10000000149011612.</summary>
    private static double Exact(float value) => double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
