using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Hazards.Wind;

namespace TwinWorld.Simulation;

/// <summary>What analysts measure a run by, read from the world without changing it.</summary>
public static class OutcomeMeasures
{
    /// <summary>How many agents are in each behaviour, indexed by <see cref="Behaviour"/>.</summary>
    public static int[] CountBehaviours(this Simulator simulation)
    {
        var counts = new int[Enum.GetValues<Behaviour>().Length];
        foreach (var chunk in simulation.World.GetChunks(AgentQueries.Agents))
        {
            foreach (var mind in chunk.GetSpan<Mind>())
            {
                counts[(int)mind.State]++;
            }
        }
        return counts;
    }

    /// <summary>The run's outcome so far: people evacuated and hurt, land flooded and burned, buildings damaged.</summary>
    public static RunOutcome MeasureOutcome(this Simulator simulation)
    {
        int agents = 0, evacuated = 0, injured = 0, incapacitated = 0;
        foreach (var chunk in simulation.World.GetChunks(AgentQueries.Agents))
        {
            var minds = chunk.GetSpan<Mind>();
            var vitality = chunk.GetSpan<Vitality>();
            for (int i = 0; i < chunk.Count; i++)
            {
                agents++;
                evacuated += minds[i].State == Behaviour.Sheltered ? 1 : 0;
                injured += vitality[i].State == VitalState.Injured ? 1 : 0;
                incapacitated += vitality[i].State == VitalState.Incapacitated ? 1 : 0;
            }
        }
        var hazards = simulation.Hazards;
        float cellArea = simulation.Site.Terrain.CellSize * simulation.Site.Terrain.CellSize;
        return new RunOutcome(
            simulation.SimulatedTime,
            agents,
            evacuated,
            injured,
            incapacitated,
            hazards.Flood.FloodedCells * cellArea,
            hazards.Flood.DeepestWater,
            hazards.Fire.BurnedCells * cellArea,
            hazards.Fire.BurningCells * cellArea,
            hazards.Buildings.DamagedCells * cellArea,
            hazards.Buildings.CellsIn(DamageState.Destroyed) * cellArea);
    }
}
