using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

/// <summary>Removes up to a number of agents from an area (the disc that covers it).</summary>
public sealed record DespawnAction(int Count, AreaSpec Area) : ActionSpec
{
    public override SimulationInput ToInput(Site site, long tick)
    {
        var (centre, radius) = Area.Disc(site);
        return new DespawnAgents(tick, centre, radius, Count);
    }
}
