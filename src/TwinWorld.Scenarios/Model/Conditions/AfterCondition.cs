namespace TwinWorld.Scenarios.Model;

/// <summary>True once this much simulated time has passed.</summary>
public sealed record AfterCondition(TimeSpan Time) : ConditionSpec
{
    public override bool IsTrue(ConditionContext context) => context.Simulation.SimulatedTime >= Time;
}
