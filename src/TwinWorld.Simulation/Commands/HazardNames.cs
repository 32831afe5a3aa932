using TwinWorld.Ecs;
using TwinWorld.Simulation.Hazards;

namespace TwinWorld.Simulation.Commands;

/// <summary>Hazards by name (ignoring case): how starts keep names unique and stops find what they stop.</summary>
internal static class HazardNames
{
    private static readonly QueryDescription Named = new QueryDescription().WithAll<HazardEvent, HazardName>();

    public static Entity? Find(Simulator simulation, string name)
    {
        foreach (var chunk in simulation.World.GetChunks(Named))
        {
            var names = chunk.GetSpan<HazardName>();
            for (int i = 0; i < chunk.Count; i++)
            {
                if (string.Equals(names[i].Value, name, StringComparison.OrdinalIgnoreCase))
                {
                    return chunk.Entities[i];
                }
            }
        }
        return null;
    }

    /// <summary>Every hazard's name, for a refusal that lists them.</summary>
    public static List<string> All(Simulator simulation)
    {
        var names = new List<string>();
        foreach (var chunk in simulation.World.GetChunks(Named))
        {
            names.AddRange(chunk.GetSpan<HazardName>().ToArray().Select(n => n.Value));
        }
        return names;
    }

    /// <summary>The kind and number ("fire-2"), suffixed in the rare case that an author has already taken that name.</summary>
    public static string Default(Simulator simulation, HazardKind kind, int number)
    {
        string name = $"{kind.ToString().ToLowerInvariant()}-{number}";
        for (int suffix = 2; Find(simulation, name) is not null; suffix++)
        {
            name = $"{kind.ToString().ToLowerInvariant()}-{number}-{suffix}";
        }
        return name;
    }
}
