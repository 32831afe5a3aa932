using TwinWorld.Ecs;

namespace TwinWorld.Ecs.Tests;

// Component types the tests use: plain data, a tag, a reference-holding one, a padded one.

public record struct Position(float X, float Y);

public record struct Velocity(float X, float Y);

public record struct Health(int Value);

public struct Frozen;

public record struct Name(string Value) : IStableHash, ISnapshotCodec<Name>
{
    public readonly void AppendTo(ref StableHasher hasher) => hasher.Add(Value);

    public static void Write(BinaryWriter writer, in Name value) => writer.Write(value.Value);

    public static Name Read(BinaryReader reader) => new(reader.ReadString());
}

/// <summary>Holds a mutable list, so a cloned world must get its own list.</summary>
public struct Inventory(List<int> items) : IDeepClone<Inventory>
{
    public List<int> Items = items;

    public readonly Inventory DeepClone() => new([.. Items]);
}

/// <summary>A byte then an int: three padding bytes, so its raw bytes are not a stable description.</summary>
public record struct Padded(byte Flag, int Value);
