using System.Globalization;
using TwinWorld.Cluster.Runs;
using TwinWorld.Simulation;

namespace TwinWorld.Cli.Sweeps;

/// <summary>An outcome a sweep compares variants by: its CSV column (with units), its console label, how to read and show it.</summary>
internal sealed record SweepMetric(string Column, string Label, Func<RunSummary, double?> Read, Func<double, string> Show)
{
    public static readonly IReadOnlyList<SweepMetric> All =
    [
        new("evacuated", "evacuated", s => s.Outcome.Evacuated, People),
        new("injured", "injured", s => s.Outcome.Injured, People),
        new("incapacitated", "incapacitated", s => s.Outcome.Incapacitated, People),
        new("flooded_area_m2", "flooded ha", s => s.Outcome.FloodedArea, Hectares),
        new("max_depth_m", "max depth m", s => s.Outcome.MaxDepth, v => v.ToString("F2", CultureInfo.InvariantCulture)),
        new("burned_area_m2", "burned ha", s => s.Outcome.BurnedArea, Hectares),
        new("damaged_building_area_m2", "damaged bldg m2", s => s.Outcome.DamagedBuildingArea, v => v.ToString("N0", CultureInfo.InvariantCulture)),
        // Runs in which no one was evacuated have no evacuation time; the statistics leave them out.
        new("evacuation_time_s", $"evacuation time ({EvacuationClock.Percent}%)", s => s.EvacuationTimeSeconds, Time),
    ];

    // Means and interpolated percentiles of counts fall between whole people: one decimal shows them.
    private static string People(double value) => value.ToString("#,0.#", CultureInfo.InvariantCulture);

    private static string Hectares(double squareMetres) => (squareMetres / 10_000).ToString("F2", CultureInfo.InvariantCulture);

    private static string Time(double seconds) => Duration.Format(TimeSpan.FromSeconds(Math.Round(seconds)));
}
