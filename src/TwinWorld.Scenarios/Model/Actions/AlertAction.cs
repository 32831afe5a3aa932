using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

/// <summary>An evacuation alert over an area (as the disc that covers it), optionally naming the shelter.</summary>
public sealed record AlertAction(AreaSpec Area, string? Shelter) : ActionSpec
{
    public override SimulationInput ToInput(Site site, long tick)
    {
        var (centre, radius) = Area.Disc(site);
        return new IssueAlert(tick, centre, radius, Shelter);
    }
}
