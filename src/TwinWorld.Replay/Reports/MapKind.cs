using TwinWorld.Simulation.Hazards.Water;

namespace TwinWorld.Replay.Reports;

/// <summary>
/// A kind of per-run map: which cells it shows, how a block of cells combines into one pixel, the
/// unit of its colour scale and the ramp. Every run's map of a kind shares one scale, so colours
/// compare across runs.
/// </summary>
internal sealed record MapKind(
    string Id,
    string Title,
    string Explanation,
    string Unit,
    Func<RunMaps, float[]> Values,
    Func<float, bool> Shows,
    Func<float, float, float> Combine,
    double UnitsPerValue,
    ColourRamp Ramp)
{
    public static readonly MapKind FloodArrival = new(
        "flood-arrival",
        "When the water came",
        "Minutes from the start until water first stood 0.1 m deep on land that was dry at the start. Land it never reached shows the ground.",
        "min",
        m => m.FloodArrivalSeconds,
        float.IsFinite,
        MathF.Min,
        1.0 / 60,
        ColourRamp.Arrival);

    public static readonly MapKind FloodDepth = new(
        "flood-depth",
        "Deepest water",
        "The deepest water each cell of land has seen, where it reached at least 0.1 m. The sea and land that stayed dry show the ground.",
        "m",
        m => m.FloodMaxDepth,
        d => d >= FloodMaps.FloodedDepth,
        MathF.Max,
        1,
        ColourRamp.Depth);

    public static readonly MapKind FireArrival = new(
        "fire-arrival",
        "When the fire came",
        "Minutes from the start until fire reached each cell (cells burning now included). Ground that did not burn shows through.",
        "min",
        m => m.FireArrivalSeconds,
        float.IsFinite,
        MathF.Min,
        1.0 / 60,
        ColourRamp.Arrival);

    public static readonly IReadOnlyList<MapKind> All = [FloodArrival, FloodDepth, FireArrival];

    public bool AnyShown(RunMaps maps) => Values(maps).Any(Shows);

    /// <summary>The largest shown value in a run, in the scale's unit; 0 when nothing shows.</summary>
    public double MaxShown(RunMaps maps) => Values(maps).Where(Shows).DefaultIfEmpty(0).Max() * UnitsPerValue;
}
