using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

/// <summary>Where the scenario happens: the procedural town, or terrain imported from files.</summary>
public abstract record MapSpec
{
    public abstract Site Build();
}
