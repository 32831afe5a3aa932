using TwinWorld.Ecs;
using TwinWorld.Simulation.Agents;

namespace TwinWorld.Simulation.Alerts;

/// <summary>The alert entities of this tick, gathered once before the systems run so agents sense them without a query each.</summary>
public sealed class ActiveAlerts
{
    private static readonly QueryDescription AlertQuery = new QueryDescription().WithAll<AlertArea>();

    /// <summary>Each alert's entity id and area.</summary>
    public (int Id, AlertArea Area)[] All { get; private set; } = [];

    internal void Gather(World world)
    {
        var alerts = new List<(int, AlertArea)>();
        foreach (var chunk in world.GetChunks(AlertQuery))
        {
            var entities = chunk.Entities;
            var areas = chunk.GetSpan<AlertArea>();
            for (int i = 0; i < chunk.Count; i++)
            {
                alerts.Add((entities[i].Id, areas[i]));
            }
        }
        All = [.. alerts];
    }

    /// <summary>The shelter an alert names, or <see cref="Goal.NoZone"/>.</summary>
    public int ShelterOf(int alertId)
    {
        foreach (var (id, area) in All)
        {
            if (id == alertId)
            {
                return area.ShelterZone;
            }
        }
        return Goal.NoZone;
    }
}
