using TwinWorld.Simulation.Agents;

namespace TwinWorld.Scenarios.Model;

/// <summary>
/// People (or vehicles) of one kind placed over an area at the start. Behaviour overrides and a role of
/// its own (<see cref="Role"/>, how its people look), when given, make the group its own kind (named after
/// the group) derived from the base kind's profile:
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
    /// <summary>The role its people are drawn as, when it differs from the base kind's; null: the base kind's.</summary>
    public AgentRole? Role { get; init; }

    public bool OverridesBehaviour => ReactionDelaySeconds is not null || Speed is not null || FollowsAlerts is not null;

    /// <summary>Whether the group registers a kind of its own: it changes behaviour or looks.</summary>
    public bool HasOwnKind => OverridesBehaviour || Role is not null;
}
