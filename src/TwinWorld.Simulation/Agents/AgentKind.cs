namespace TwinWorld.Simulation.Agents;

/// <summary>
/// The built-in kinds. Kinds are ids into a run's <see cref="AgentProfiles"/>, so scenarios can add
/// more (a tourist, a wheelchair user) by registering a profile; these five always exist.
/// </summary>
public enum AgentKind
{
    Civilian = 0,
    Child = 1,
    Elderly = 2,
    Vehicle = 3,
    Firefighter = 4,
}
