namespace TwinWorld.Scenarios.Model;

/// <summary>
/// True while an outcome figure is at least (or below) a threshold; for people, the threshold may be
/// a percentage of all agents.
/// </summary>
public sealed record MetricCondition(Metric Metric, double? AtLeast, double? Below, bool Percent) : ConditionSpec
{
    public override bool IsTrue(ConditionContext context)
    {
        var outcome = context.Outcome;
        double value = MetricValues.Of(outcome, Metric);
        if (Percent)
        {
            value = outcome.Agents == 0 ? 0 : 100 * value / outcome.Agents;
        }
        return (AtLeast is not { } least || value >= least) && (Below is not { } below || value < below);
    }
}
