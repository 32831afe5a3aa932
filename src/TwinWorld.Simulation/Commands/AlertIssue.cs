using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Alerts;
using TwinWorld.Simulation.Zones;
using IssueAlert = TwinWorld.Protocol.V1.IssueAlert;

namespace TwinWorld.Simulation.Commands;

/// <summary>An evacuation alert: an entity with the disc it covers and the shelter it names (or none: the nearest).</summary>
internal static class AlertIssue
{
    public static string? Apply(Simulator simulation, IssueAlert alert)
    {
        var ((centre, radius), problem) = AreaCover.Of(simulation, alert.Area);
        if (problem is not null)
        {
            return problem;
        }
        int zone = Goal.NoZone;
        if (alert.Shelter.Length > 0)
        {
            var zones = simulation.Site.Zones;
            if (zones.Find(alert.Shelter) is not { Kind: ZoneKind.Shelter } found)
            {
                return $"there is no shelter named '{alert.Shelter}' (shelters: {string.Join(", ", simulation.Zones.Shelters.Select(z => zones.Zones[z].Name))})";
            }
            zone = found.Id;
        }
        simulation.World.Create(new AlertArea(simulation.Tick, centre, radius, zone));
        return null;
    }
}
