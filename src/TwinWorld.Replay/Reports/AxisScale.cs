using System.Globalization;

namespace TwinWorld.Replay.Reports;

/// <summary>
/// An axis from 0 up to a round number at or above the largest value, with ticks at a round step
/// (1, 2 or 5 times a power of ten) so that about <c>target</c> of them fit.
/// </summary>
internal sealed record AxisScale(double Step, int Steps)
{
    public double Top => Step * Steps;

    public IEnumerable<double> Ticks => Enumerable.Range(0, Steps + 1).Select(i => i * Step);

    /// <summary>Digits after the point that tick labels need at this step.</summary>
    public int Decimals => Step >= 1 ? 0 : (int)Math.Ceiling(-Math.Log10(Step) - 1e-9);

    public string Label(double value) => value.ToString("N" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static AxisScale Covering(double max, int target = 5, bool wholeSteps = false)
    {
        if (!(max > 0) || double.IsInfinity(max))
        {
            max = 1;
        }
        double raw = max / target;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double normalised = raw / magnitude;
        double step = (normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10) * magnitude;
        if (wholeSteps)
        {
            step = Math.Max(1, Math.Round(step));
        }
        // A relative tolerance keeps 0.3 / 0.1 from becoming 3.0000000004 steps and so 4.
        int steps = Math.Max(1, (int)Math.Ceiling((max / step) - 1e-9));
        return new AxisScale(step, steps);
    }
}
