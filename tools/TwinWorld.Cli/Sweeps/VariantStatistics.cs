namespace TwinWorld.Cli.Sweeps;

/// <summary>A variant's results across its seeds: the runs that finished, those that failed, and each metric's statistics over the successful ones.</summary>
internal sealed record VariantStatistics(Variant Variant, int Succeeded, int Failed, IReadOnlyList<MetricStatistics> Metrics)
{
    public static VariantStatistics Of(Variant variant, IEnumerable<RunResult> results)
    {
        var mine = results.Where(r => r.Run.Variant.Number == variant.Number).ToList();
        var summaries = mine.Where(r => r.Summary is not null).Select(r => r.Summary!).ToList();
        return new VariantStatistics(variant, summaries.Count, mine.Count - summaries.Count,
            [.. SweepMetric.All.Select(metric => MetricStatistics.Of(metric, summaries.Select(metric.Read).OfType<double>()))]);
    }
}
