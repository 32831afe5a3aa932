using TwinWorld.Replay.Reports;
using static TwinWorld.Replay.Tests.Reports.Synthetic;

namespace TwinWorld.Replay.Tests.Reports;

public class LineChartTests
{
    [Fact]
    public void Each_run_is_one_line_through_its_own_samples_where_the_axes_ticks_put_them()
    {
        var baseline = Run("baseline", Outcome(0, evacuated: 0), Outcome(1, evacuated: 100), Outcome(2, evacuated: 250), Outcome(3, evacuated: 400));
        var whatIf = Run("what-if", Outcome(0.5, evacuated: 50), Outcome(2, evacuated: 300), Outcome(4, evacuated: 730));
        var third = Run("third", Outcome(1, evacuated: 5), Outcome(1.5, evacuated: 5));

        var chart = new ChartReader(LineChart.Render("evacuated", "people", [baseline, whatIf, third], o => o.Evacuated, 1, wholeNumbers: true));

        Assert.Equal(3, chart.Lines.Length);
        Assert.Equal(3, chart.Strokes.Distinct().Count());
        (double, double)[][] expected =
        [
            [(0, 0), (1, 100), (2, 250), (3, 400)],
            [(0.5, 50), (2, 300), (4, 730)],
            [(1, 5), (1.5, 5)],
        ];
        for (int line = 0; line < 3; line++)
        {
            var read = chart.Read(line);
            Assert.Equal(expected[line].Length, read.Length);
            for (int i = 0; i < read.Length; i++)
            {
                Assert.Equal(expected[line][i].Item1, read[i].Minutes, 0.02);
                Assert.Equal(expected[line][i].Item2, read[i].Value, 1.0);
            }
        }
        Assert.Equal(0, chart.YTicks[0].Value);
        Assert.InRange(chart.YTicks[^1].Value, 730, 1000);
        Assert.Equal(0, chart.XTicks[0].Value);
        Assert.InRange(chart.XTicks[^1].Value, 4, 5);
        Assert.True(chart.YTicks[0].At > chart.YTicks[^1].At, "values grow upwards");
    }

    [Fact]
    public void A_figure_that_stays_at_zero_still_gets_an_axis_and_lines_along_its_bottom()
    {
        var a = Run("a", Outcome(1), Outcome(2));
        var b = Run("b", Outcome(1), Outcome(3));

        var chart = new ChartReader(LineChart.Render("injured", "people", [a, b], o => o.Injured, 1, wholeNumbers: true));

        Assert.Equal([0.0, 1.0], chart.YTicks.Select(t => t.Value));
        Assert.All(chart.Lines.SelectMany(l => l), p => Assert.Equal(chart.YTicks[0].At, p.Y, 0.01));
    }

    [Theory]
    [InlineData(0.3, 0.1, 3)]
    [InlineData(7, 2, 4)]
    [InlineData(1234, 500, 3)]
    [InlineData(0, 0.2, 5)]
    public void Axes_end_at_the_first_round_step_at_or_above_the_largest_value(double max, double step, int steps)
    {
        var scale = AxisScale.Covering(max, target: 5);

        Assert.Equal(step, scale.Step, 1e-12);
        Assert.Equal(steps, scale.Steps);
    }
}
