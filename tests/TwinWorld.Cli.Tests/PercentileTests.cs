using TwinWorld.Cli.Sweeps;

namespace TwinWorld.Cli.Tests;

/// <summary>Percentiles by linear interpolation between order statistics, against values worked by hand (and NumPy's defaults).</summary>
public class PercentileTests
{
    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.5, 2.5)]           // h = 1.5: 2 + 0.5 x (3 - 2)
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.95, 3.85)]         // h = 2.85: 3 + 0.85 x (4 - 3)
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.0, 1.0)]           // the least
    [InlineData(new double[] { 1, 2, 3, 4 }, 1.0, 4.0)]           // the greatest
    [InlineData(new double[] { 15, 40, 20, 50, 35 }, 0.4, 29.0)]  // sorted 15 20 35 40 50; h = 1.6: 20 + 0.6 x 15
    [InlineData(new double[] { 15, 40, 20, 50, 35 }, 0.95, 48.0)] // h = 3.8: 40 + 0.8 x 10
    [InlineData(new double[] { 15, 40, 20, 50, 35 }, 0.5, 35.0)]  // odd count: the middle value
    [InlineData(new double[] { 7 }, 0.95, 7.0)]                   // one run: its value
    [InlineData(new double[] { 0, 3 }, 0.95, 2.85)]               // two runs: 0.95 of the way up
    public void Percentiles_interpolate_linearly_between_sorted_values(double[] values, double p, double expected)
    {
        Assert.Equal(expected, Percentile.Of(values, p), 10);
    }

    [Fact]
    public void The_95th_percentile_of_50_runs_is_between_the_47th_and_48th_values()
    {
        // 1..50: h = 49 x 0.95 = 46.55, so x[46] + 0.55 (x[47] - x[46]) = 47 + 0.55.
        Assert.Equal(47.55, Percentile.Of(Enumerable.Range(1, 50).Select(i => (double)i), 0.95), 10);
    }

    [Fact]
    public void No_values_have_no_percentile_and_p_must_be_a_fraction()
    {
        Assert.True(double.IsNaN(Percentile.Of([], 0.5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Of([1, 2], 95));
    }
}
