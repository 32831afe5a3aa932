namespace TwinWorld.Scenarios.Model;

/// <summary>
/// True while a cell is burning within a distance of an area (a zone's edge is taken as its bounding
/// circle about its centre; a point's is the point).
/// </summary>
public sealed record FireNearCondition(AreaSpec Area, float Within) : ConditionSpec
{
    public override bool IsTrue(ConditionContext context)
    {
        var simulation = context.Simulation;
        var (centre, radius) = Area.Disc(simulation.Site);
        return simulation.Hazards.FireFront.Nearest(centre, radius + Within, float.Epsilon).Cell >= 0;
    }
}
