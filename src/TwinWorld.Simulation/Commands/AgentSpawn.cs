using System.Numerics;
using SpawnAgents = TwinWorld.Protocol.V1.SpawnAgents;

namespace TwinWorld.Simulation.Commands;

/// <summary>Places people of one kind on walkable ground in the area's disc, all or none.</summary>
internal static class AgentSpawn
{
    /// <summary>Tries per person to find walkable ground before the spawn is refused.</summary>
    private const int Attempts = 30;

    public static string? Apply(Simulator simulation, SpawnAgents spawn)
    {
        if (simulation.Profiles.Find(spawn.Kind) is not { } kind)
        {
            return $"there is no agent kind '{spawn.Kind}'";
        }
        var ((centre, radius), problem) = AreaCover.Of(simulation, spawn.Area);
        if (problem is not null)
        {
            return problem;
        }
        // Find every place first, so a spawn that cannot be completed leaves no agents behind.
        int count = (int)spawn.Count;
        var terrain = simulation.Site.Terrain;
        ref var random = ref simulation.SpawnRandom;
        var places = new List<Vector2>(count);
        for (int attempt = 0; attempt < count * Attempts && places.Count < count; attempt++)
        {
            var at = centre + new Vector2(random.NextFloat(-radius, radius), random.NextFloat(-radius, radius));
            if (Vector2.DistanceSquared(at, centre) <= radius * radius && terrain.IsWalkableAt(at))
            {
                places.Add(at);
            }
        }
        if (places.Count < count)
        {
            return $"only {places.Count} of {count} agents would find walkable ground within {radius} m of {centre}; none were placed";
        }
        places.ForEach(at => simulation.SpawnAgent(kind, at));
        return null;
    }
}
