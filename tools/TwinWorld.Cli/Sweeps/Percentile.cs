namespace TwinWorld.Cli.Sweeps;

/// <summary>
/// Percentiles by linear interpolation between order statistics (Hyndman and Fan's definition 7, the
/// default of NumPy and R and Excel's PERCENTILE.INC): for n values sorted x[0] &lt;= ... &lt;= x[n-1]
/// and p in [0, 1], h = (n - 1) p and the percentile is x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
/// So p = 0 is the least value, p = 1 the greatest and p = 0.5 the usual median.
/// </summary>
internal static class Percentile
{
    /// <summary>The p-th quantile (p in [0, 1]) of values in any order; NaN when there are none.</summary>
    public static double Of(IEnumerable<double> values, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        double[] sorted = [.. values.Order()];
        if (sorted.Length == 0)
        {
            return double.NaN;
        }
        double h = (sorted.Length - 1) * p;
        int below = (int)Math.Floor(h);
        return below + 1 >= sorted.Length ? sorted[below] : sorted[below] + ((h - below) * (sorted[below + 1] - sorted[below]));
    }
}
