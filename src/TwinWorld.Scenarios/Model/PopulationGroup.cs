using TwinWorld.Simulation.Agents;

namespace TwinWorld.Scenarios.Model;

/// <summary>
/// People (or vehicles) of one kind placed over an area at the start. Behaviour overrides, when given,
/// make the group its own kind (named after the group) derived from the base kind's profile:
/// <see cref="Kind"/> is then the id that kind gets when registered, in the order of the groups.
/// </summary>
public sealed record PopulationGroup(
    string Name,
    AgentKind BaseKind,
    AgentKind Kind,
    int Count,
    AreaSpec Area,
    float? ReactionDelaySeconds,
    float? Speed,
    bool? FollowsAlerts)
{
    public bool OverridesBehaviour => ReactionDelaySeconds is not null || Speed is not null || FollowsAlerts is not null;
}
