using TwinWorld.Ecs;
using TwinWorld.Simulation.Hazards;

namespace TwinWorld.Simulation.Commands;

/// <summary>
/// How one kind of hazard starts: an entity with a <see cref="HazardEvent"/>, a <see cref="HazardName"/>
/// (the one given, or the kind and number such as "fire-2") and the kind's parameters. It runs for
/// its duration or until a StopHazard names it (<see cref="HazardStop"/>).
/// </summary>
internal abstract class HazardStart
{
    public abstract HazardKind Kind { get; }

    /// <summary>The name the author gave, or empty for one made from the kind and number.</summary>
    public abstract string Name { get; }

    /// <summary>Seconds it runs; infinity until stopped.</summary>
    public abstract float DurationSeconds { get; }

    /// <summary>Why the parameters cannot make this hazard on this site, or null (the command's declared rules already hold).</summary>
    public virtual string? Problem(Simulator simulation) => null;

    /// <summary>Adds the kind's parameter component to the new hazard entity.</summary>
    public abstract void AddParameters(World world, Entity hazard);

    /// <summary>Starts the hazard at this tick under its name (unique, ignoring case); returns null, or why it cannot start.</summary>
    public string? Start(Simulator simulation)
    {
        if (Problem(simulation) is { } problem)
        {
            return problem;
        }
        int number = simulation.HazardsStarted + 1;
        string name = string.IsNullOrWhiteSpace(Name) ? HazardNames.Default(simulation, Kind, number) : Name.Trim();
        if (HazardNames.Find(simulation, name) is not null)
        {
            return $"a hazard named '{name}' already exists";
        }
        // The float-to-long conversion saturates, so a duration past the end of time (infinity
        // included) runs for ever rather than overflowing into a stop tick in the past.
        long tick = simulation.Tick;
        long ticks = Math.Max(1, simulation.TicksFor(DurationSeconds));
        long stop = ticks >= HazardEvent.Never - tick ? HazardEvent.Never : tick + ticks;
        var entity = simulation.World.Create(new HazardEvent(tick, stop, Kind, number), new HazardName(name));
        AddParameters(simulation.World, entity);
        simulation.CountHazardStarted(number);
        return null;
    }

    /// <summary>A command's optional duration: absent is until stopped.</summary>
    protected static float Until(bool given, float seconds) => given ? seconds : float.PositiveInfinity;
}
