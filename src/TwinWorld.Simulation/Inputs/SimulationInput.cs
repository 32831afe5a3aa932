namespace TwinWorld.Simulation.Inputs;

/// <summary>
/// Something from outside the simulation (a player, an author, a scenario) that changes it, stamped
/// with the tick it applies at. Inputs are the only way in, so a run is its seed plus its inputs.
/// </summary>
public abstract record SimulationInput(long Tick)
{
    /// <summary>Applies the input; returns null, or why it was rejected (the run goes on either way).</summary>
    internal abstract string? ApplyTo(Simulation simulation);
}
