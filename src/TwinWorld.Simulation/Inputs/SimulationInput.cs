namespace TwinWorld.Simulation.Inputs;

/// <summary>
/// Something from outside the simulation (a player, an author, a scenario) that changes it, stamped
/// with the tick it applies at. Inputs are the only way in, so a run is its seed plus its inputs.
/// </summary>
public abstract record SimulationInput(long Tick)
{
    /// <summary>
    /// Set on inputs a scenario schedules itself (its timeline, alert policy and triggers), which a
    /// replay of the scenario regenerates; all others (authors, players) are recorded and re-injected.
    /// </summary>
    public bool Scheduled { get; init; }

    /// <summary>The client and request it came from, for inputs from the network; null for the rest.</summary>
    public InputSender? From { get; init; }

    /// <summary>What kind of input it is, for logs and refusals ("IgniteFire").</summary>
    public virtual string InputName => GetType().Name;

    /// <summary>Applies the input; returns null, or why it was rejected (the run goes on either way).</summary>
    internal abstract string? ApplyTo(Simulator simulation);
}
