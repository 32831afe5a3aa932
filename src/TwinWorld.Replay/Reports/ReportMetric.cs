using System.Globalization;
using TwinWorld.Simulation;

namespace TwinWorld.Replay.Reports;

/// <summary>
/// One figure of a <see cref="RunOutcome"/> as the report shows it: its CSV column, its label and
/// unit, and which way is better (which colours a difference, never its sign).
/// </summary>
internal sealed record ReportMetric(string Column, string Label, string Unit, Func<RunOutcome, double> Read, bool IsCount, bool HigherIsBetter)
{
    public static readonly ReportMetric Agents = new("agents", "agents", "people", o => o.Agents, true, true);
    public static readonly ReportMetric Evacuated = new("evacuated", "evacuated", "people", o => o.Evacuated, true, true);
    public static readonly ReportMetric Injured = new("injured", "injured", "people", o => o.Injured, true, false);
    public static readonly ReportMetric Incapacitated = new("incapacitated", "incapacitated", "people", o => o.Incapacitated, true, false);
    public static readonly ReportMetric FloodedArea = new("flooded_area_m2", "flooded area", "m²", o => o.FloodedArea, false, false);
    public static readonly ReportMetric MaxDepth = new("max_inundation_depth_m", "max inundation depth", "m", o => o.MaxInundationDepth, false, false);
    public static readonly ReportMetric BurnedArea = new("burned_area_m2", "burned area", "m²", o => o.BurnedArea, false, false);
    public static readonly ReportMetric BurningArea = new("burning_area_m2", "burning area", "m²", o => o.BurningArea, false, false);
    public static readonly ReportMetric DamagedBuildings = new("damaged_building_area_m2", "damaged buildings", "m²", o => o.DamagedBuildingArea, false, false);
    public static readonly ReportMetric DestroyedBuildings = new("destroyed_building_area_m2", "destroyed buildings", "m²", o => o.DestroyedBuildingArea, false, false);

    /// <summary>Every figure, in CSV column order.</summary>
    public static readonly IReadOnlyList<ReportMetric> All =
        [Agents, Evacuated, Injured, Incapacitated, FloodedArea, MaxDepth, BurnedArea, BurningArea, DamagedBuildings, DestroyedBuildings];

    /// <summary>The value as the CSV writes it: whole people, areas and depths to the millimetre or square millimetre.</summary>
    public string FormatRaw(RunOutcome outcome) => Read(outcome).ToString(IsCount ? "0" : "0.###", CultureInfo.InvariantCulture);

    /// <summary>The value as people read it: thousands grouped; areas of a hectare or more in hectares.</summary>
    public string Format(double value) => IsCount
        ? value.ToString("N0", CultureInfo.InvariantCulture)
        : Unit == "m²" ? FormatArea(value) : $"{value.ToString("0.00", CultureInfo.InvariantCulture)} {Unit}";

    /// <summary>A difference with its sign: "+312", "-4", "+1.25 ha", "0".</summary>
    public string FormatDifference(double difference)
    {
        string magnitude = Format(Math.Abs(difference));
        return IsZero(difference) ? "0" : (difference > 0 ? "+" : "-") + magnitude;
    }

    /// <summary>Whether a difference is too small to show as one at the report's precision.</summary>
    public bool IsZero(double difference) => IsCount ? difference == 0 : Math.Abs(difference) < (Unit == "m" ? 0.005 : 0.5);

    private static string FormatArea(double squareMetres) => squareMetres >= 10_000
        ? $"{(squareMetres / 10_000).ToString("N2", CultureInfo.InvariantCulture)} ha"
        : $"{squareMetres.ToString("N0", CultureInfo.InvariantCulture)} m²";
}
