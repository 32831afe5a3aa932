using System.Numerics;
using System.Runtime.InteropServices;

namespace TwinWorld.Simulation.Snapshots;

/// <summary>The few shapes snapshots and recorded inputs are made of, written the same way everywhere.</summary>
public static class BinaryData
{
    public static void Write(this BinaryWriter writer, Vector2 value)
    {
        writer.Write(value.X);
        writer.Write(value.Y);
    }

    public static Vector2 ReadVector2(this BinaryReader reader) => new(reader.ReadSingle(), reader.ReadSingle());

    public static void Write(this BinaryWriter writer, Vector3 value)
    {
        writer.Write(value.X);
        writer.Write(value.Y);
        writer.Write(value.Z);
    }

    public static Vector3 ReadVector3(this BinaryReader reader) => new(reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle());

    public static void WriteNullable(this BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    public static string? ReadNullableString(this BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    /// <summary>An array of plain values: its length, then its bytes.</summary>
    public static void WriteArray<T>(this BinaryWriter writer, ReadOnlySpan<T> values) where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values));
    }

    /// <summary>Fills an existing array written by <see cref="WriteArray{T}"/>; its length must match.</summary>
    public static void ReadArrayInto<T>(this BinaryReader reader, Span<T> values) where T : unmanaged
    {
        int length = reader.ReadInt32();
        if (length != values.Length)
        {
            throw new InvalidDataException($"A saved array of {typeof(T).Name} has {length} elements where {values.Length} were expected: the snapshot is of another site or build.");
        }
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values));
    }

    public static T[] ReadArray<T>(this BinaryReader reader, int maxLength) where T : unmanaged
    {
        int length = reader.ReadInt32();
        if (length < 0 || length > maxLength)
        {
            throw new InvalidDataException($"A saved array of {typeof(T).Name} claims {length} elements (at most {maxLength} expected).");
        }
        var values = new T[length];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    public static void Write(this BinaryWriter writer, RunOutcome outcome)
    {
        writer.Write(outcome.Time.Ticks);
        writer.Write(outcome.Agents);
        writer.Write(outcome.Evacuated);
        writer.Write(outcome.Injured);
        writer.Write(outcome.Incapacitated);
        writer.Write(outcome.FloodedArea);
        writer.Write(outcome.MaxInundationDepth);
        writer.Write(outcome.BurnedArea);
        writer.Write(outcome.BurningArea);
        writer.Write(outcome.DamagedBuildingArea);
        writer.Write(outcome.DestroyedBuildingArea);
    }

    public static RunOutcome ReadRunOutcome(this BinaryReader reader) => new(
        TimeSpan.FromTicks(reader.ReadInt64()), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(),
        reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle());
}
