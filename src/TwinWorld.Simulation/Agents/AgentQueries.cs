using TwinWorld.Ecs;

namespace TwinWorld.Simulation.Agents;

/// <summary>The queries the agent systems share.</summary>
internal static class AgentQueries
{
    public static readonly QueryDescription Agents =
        new QueryDescription().WithAll<Position, Agent, Mind>().WithAll<Goal, Perception, Vitality>();

    public static readonly QueryDescription Movers =
        Agents.WithAll<Velocity, Heading>();

    public static readonly QueryDescription Thinkers =
        Agents.WithAll<AgentRandom>();
}
