using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Agents;
using DespawnAgents = TwinWorld.Protocol.V1.DespawnAgents;

namespace TwinWorld.Simulation.Commands;

/// <summary>Removes up to a number of people standing in the area's disc, the lowest ids first; players' avatars stay.</summary>
internal static class AgentDespawn
{
    public static string? Apply(Simulator simulation, DespawnAgents despawn)
    {
        var ((centre, radius), problem) = AreaCover.Of(simulation, despawn.Area);
        if (problem is not null)
        {
            return problem;
        }
        var world = simulation.World;
        var inside = new List<Entity>();
        foreach (var chunk in world.GetChunks(AgentQueries.Agents))
        {
            if (chunk.Has<PlayerControl>())
            {
                continue;
            }
            var positions = chunk.GetSpan<Position>();
            for (int i = 0; i < chunk.Count; i++)
            {
                if (Vector2.DistanceSquared(positions[i].Value, centre) <= radius * radius)
                {
                    inside.Add(chunk.Entities[i]);
                }
            }
        }
        // Lowest ids first, so which agents go does not depend on chunk order.
        foreach (var agent in inside.OrderBy(e => e.Id).Take((int)despawn.Count).ToList())
        {
            world.Destroy(agent);
        }
        return null;
    }
}
