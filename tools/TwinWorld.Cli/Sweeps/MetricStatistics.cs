namespace TwinWorld.Cli.Sweeps;

/// <summary>One metric across a variant's runs: how many runs had a value, their mean and their 50th and 95th percentiles.</summary>
internal sealed record MetricStatistics(SweepMetric Metric, int Count, double Mean, double P50, double P95)
{
    public static MetricStatistics Of(SweepMetric metric, IEnumerable<double> values)
    {
        double[] all = [.. values];
        return all.Length == 0
            ? new MetricStatistics(metric, 0, double.NaN, double.NaN, double.NaN)
            : new MetricStatistics(metric, all.Length, all.Average(), Percentile.Of(all, 0.5), Percentile.Of(all, 0.95));
    }
}
