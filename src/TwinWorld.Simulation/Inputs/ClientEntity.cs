using TwinWorld.Ecs;

namespace TwinWorld.Simulation.Inputs;

/// <summary>Finds the entity a client has of one kind (its avatar, its own camera): the first whose component names the client.</summary>
internal static class ClientEntity
{
    public static Entity? Find<T>(Simulator simulation, QueryDescription query, long clientId, Func<T, long> clientOf)
        where T : struct
    {
        foreach (var chunk in simulation.World.GetChunks(query))
        {
            var components = chunk.GetSpan<T>();
            for (int i = 0; i < chunk.Count; i++)
            {
                if (clientOf(components[i]) == clientId)
                {
                    return chunk.Entities[i];
                }
            }
        }
        return null;
    }
}
