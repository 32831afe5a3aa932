using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

/// <summary>Places agents of a kind in an area (the disc that covers it).</summary>
public sealed record SpawnAction(AgentKind Kind, int Count, AreaSpec Area) : ActionSpec
{
    public override SimulationInput ToInput(Site site, long tick)
    {
        var (centre, radius) = Area.Disc(site);
        return new SpawnAgents(tick, Kind, Count, centre, radius);
    }
}
