using TwinWorld.Ecs;

namespace TwinWorld.Simulation.Hazards;

/// <summary>What authors call a hazard (given, or the kind and number, like "fire-2"), to stop it by name.</summary>
public record struct HazardName(string Value) : IStableHash, ISnapshotCodec<HazardName>
{
    public readonly void AppendTo(ref StableHasher hasher) => hasher.Add(Value);

    public static void Write(BinaryWriter writer, in HazardName value) => writer.Write(value.Value);

    public static HazardName Read(BinaryReader reader) => new(reader.ReadString());
}
