namespace TwinWorld.Scenarios.Model;

/// <summary>Something true or false about the world after a tick.</summary>
public abstract record ConditionSpec
{
    public abstract bool IsTrue(ConditionContext context);
}
