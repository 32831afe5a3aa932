using TwinWorld.Ecs;
using TwinWorld.Simulation.Hazards;

namespace TwinWorld.Simulation.Commands;

/// <summary>
/// How one kind of hazard starts: an entity with a <see cref="HazardEvent"/>, a <see cref="HazardName"/>
/// (the one given, or the kind and number such as "fire-2") and the kind's parameters. It runs for
/// its duration or until a StopHazard names it.
/// </summary>
internal abstract class HazardStart
{
    public abstract HazardKind Kind { get; }

    /// <summary>The name the author gave, or empty for one made from the kind and number.</summary>
    public abstract string Name { get; }

    /// <summary>Seconds it runs; infinity until stopped.</summary>
    public abstract float DurationSeconds { get; }

    /// <summary>Why the parameters cannot make this hazard on this site, or null (the command's declared rules already hold).</summary>
    public virtual string? Problem(Simulation simulation) => null;

    /// <summary>Adds the kind's parameter component to the new hazard entity.</summary>
    public abstract void AddParameters(World world, Entity hazard);

    /// <summary>A command's optional duration: absent is until stopped.</summary>
    protected static float Until(bool given, float seconds) => given ? seconds : float.PositiveInfinity;
}
