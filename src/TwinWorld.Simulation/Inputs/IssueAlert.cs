using System.Numerics;

namespace TwinWorld.Simulation.Inputs;

/// <summary>Broadcasts an evacuation alert to a disc; optionally names the shelter to go to.</summary>
public sealed record IssueAlert(long Tick, Vector2 Centre, float Radius, string? Shelter = null) : SimulationInput(Tick)
{
    internal override string? ApplyTo(Simulation simulation) => simulation.IssueAlert(Centre, Radius, Shelter);
}
