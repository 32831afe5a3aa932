using TwinWorld.Ecs;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Alerts;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Simulation.Hazards;
using TwinWorld.Simulation.Hazards.Fire;
using TwinWorld.Simulation.Hazards.Water;
using TwinWorld.Simulation.Hazards.Wind;
using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Simulation;

/// <summary>
/// The state hash in parts, each covering what one or a few systems write, so a replay that diverges
/// can name where it went wrong first. The state hash combines them in order. Every component type
/// in use is covered: types not named here fall into the last part. Names and order are part of the
/// recording format.
/// </summary>
public static class StateHashParts
{
    private static readonly Type[][] ComponentGroups =
    [
        [typeof(Position), typeof(Velocity), typeof(Heading)],
        [typeof(Mind), typeof(Goal)],
        [typeof(Perception), typeof(AgentRandom)],
        [typeof(Vitality)],
        [typeof(Agent), typeof(Appearance), typeof(PlayerControl), typeof(AlertArea)],
        [typeof(CameraPose), typeof(CameraLens), typeof(CameraRig), typeof(CameraOwner), typeof(CameraAim), typeof(CameraName)],
        [typeof(HazardEvent), typeof(HazardName), typeof(WaveTrain), typeof(SeaDisplacement), typeof(FireIgnition), typeof(Tornado)],
    ];

    private static readonly HashSet<Type> Named = [.. ComponentGroups.SelectMany(g => g)];

    private static readonly (StateHashPart Part, Func<Simulator, ulong> Hash)[] Table =
    [
        (new("agents' positions and motion", "act"), s => Components(s.World, ComponentGroups[0])),
        (new("agents' minds and goals", "think"), s => Components(s.World, ComponentGroups[1])),
        (new("agents' perception and random streams", "sense, think"), s => Components(s.World, ComponentGroups[2])),
        (new("agents' vitality", "harm"), s => Components(s.World, ComponentGroups[3])),
        (new("agents, avatars and alerts", "inputs"), s => Components(s.World, ComponentGroups[4])),
        (new("cameras", "cameras, inputs"), s => Components(s.World, ComponentGroups[5])),
        (new("hazard events", "inputs, wind, water, fire"), s => Components(s.World, ComponentGroups[6])),
        (new("entities (ids, versions, component sets)", "inputs, spawns"), s => s.World.ComputeStructureHash()),
        (new("water", "water"), s => Grids(s.Hazards.Water, s.Hazards.Flood)),
        (new("fire", "fire"), s => Grids(s.Hazards.Fire)),
        (new("wind and building damage", "wind"), s => Grids(s.Hazards.Wind, s.Hazards.Buildings)),
        (new("danger and fire front", "danger"), s => Grids(s.Hazards.Danger, s.Hazards.FireFront)),
        (new("run (tick, spawn stream, hazards started)", "inputs"), s => StateHashWalk.Of(0x52554E, new Simulator.RunCounters(s))), // "RUN"
        (new("other components", "any"), s => Components(s.World, [.. s.World.ComponentTypesInUse().Where(t => !Named.Contains(t))])),
    ];

    public static IReadOnlyList<StateHashPart> All { get; } = [.. Table.Select(t => t.Part)];

    /// <summary>Whether a component type has a named part (otherwise it falls into "other components").</summary>
    public static bool Covers(Type componentType) => Named.Contains(componentType);

    /// <summary>Every part's hash, worked out in parallel (each part alone, so the result does not depend on threads).</summary>
    internal static ulong[] Compute(Simulator simulation)
    {
        var hashes = new ulong[Table.Length];
        Parallel.For(0, Table.Length, new ParallelOptions { MaxDegreeOfParallelism = simulation.Options.Workers }, p => hashes[p] = Table[p].Hash(simulation));
        return hashes;
    }

    /// <summary>The state hash: the parts combined in order.</summary>
    internal static ulong Combine(ReadOnlySpan<ulong> parts)
    {
        var hasher = new StableHasher(0x54574E53494D3033); // "TWNSIM03": the grids as declared
        foreach (ulong part in parts)
        {
            hasher.Add(part);
        }
        return hasher.Finish();
    }

    private static ulong Components(World world, Type[] types)
    {
        var hasher = new StableHasher((ulong)types.Length);
        foreach (var type in types)
        {
            hasher.Add(world.ComputeHash(type));
        }
        return hasher.Finish();
    }

    private static ulong Grids(params ReadOnlySpan<IEvolvingState> grids) => StateHashWalk.Of(0x47524944, grids); // "GRID"
}
