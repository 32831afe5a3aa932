using TwinWorld.Server.Ticking;

namespace TwinWorld.Server.Tests;

public class TickStatisticsTests
{
    [Fact]
    public void Summary_reports_mean_p99_max_and_overruns_then_starts_afresh()
    {
        var statistics = new TickStatistics();
        for (int i = 1; i <= 100; i++)
        {
            statistics.Record(i, overran: i > 98, skipped: i == 100 ? 5 : 0);
        }

        var summary = statistics.TakeSummary();

        Assert.Equal(new TickSummary(100, 50.5, 99, 100, 2, 5), summary);
        Assert.Equal(new TickSummary(0, 0, 0, 0, 0, 0), statistics.TakeSummary());
    }
}
