using TwinWorld.Ecs;
using TwinWorld.Simulation.Hazards;

namespace TwinWorld.Simulation.Inputs;

/// <summary>
/// Starts a hazard at its tick: an entity with a <see cref="HazardEvent"/>, a <see cref="HazardName"/>
/// (the one given, or the kind and number such as "fire-2") and the kind's parameters. It runs for
/// <see cref="DurationSeconds"/> or until a <see cref="StopHazard"/> names it.
/// </summary>
public abstract record StartHazard(long Tick, string? Name, float DurationSeconds) : SimulationInput(Tick)
{
    public abstract HazardKind Kind { get; }

    internal override string? ApplyTo(Simulation simulation) => simulation.StartHazard(this);

    /// <summary>Why the parameters cannot make this hazard on this site, or null.</summary>
    internal abstract string? Problem(Simulation simulation);

    /// <summary>Adds the kind's parameter component to the new hazard entity.</summary>
    internal abstract void AddParameters(World world, Entity hazard);
}
