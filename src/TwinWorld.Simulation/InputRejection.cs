using TwinWorld.Simulation.Inputs;

namespace TwinWorld.Simulation;

/// <summary>An input the world refused at a tick, and why (a point off the site, a name already taken).</summary>
public sealed record InputRejection(long Tick, SimulationInput Input, string Reason)
{
    public override string ToString() => $"tick {Tick}: {Input.InputName} rejected: {Reason}";
}
