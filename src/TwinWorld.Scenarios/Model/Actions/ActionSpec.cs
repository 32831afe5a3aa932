using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

/// <summary>Something a scenario (or an author, live) does to the world.</summary>
public abstract record ActionSpec
{
    /// <summary>The input that does it at a tick, or null for actions the run itself handles (ending).</summary>
    public abstract SimulationInput? ToInput(Site site, long tick);
}
