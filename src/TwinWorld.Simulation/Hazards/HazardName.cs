using TwinWorld.Ecs;

namespace TwinWorld.Simulation.Hazards;

/// <summary>What authors call a hazard (given, or the kind and number, like "fire-2"), to stop it by name.</summary>
public record struct HazardName(string Value) : IStableHash
{
    public readonly void AppendTo(ref StableHasher hasher) => hasher.Add(Value);
}
