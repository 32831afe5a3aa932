namespace TwinWorld.Simulation.Inputs;

/// <summary>
/// Stops a running hazard by name: a wave train stops coming (the water already in motion goes on),
/// fire is put out (every burning cell burns out at once), a tornado lifts.
/// </summary>
public sealed record StopHazard(long Tick, string Name) : SimulationInput(Tick)
{
    internal override string? ApplyTo(Simulation simulation) => simulation.StopHazard(Name);
}
