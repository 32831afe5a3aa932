using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TwinWorld.Ecs;

/// <summary>
/// How a column of T goes into a world snapshot: its bytes for unmanaged types, element by element
/// through <see cref="ISnapshotCodec{T}"/> for types that hold references. Chosen once per type.
/// </summary>
internal abstract class ElementSaver<T> where T : struct
{
    public abstract void Write(BinaryWriter writer, T[] column, int start, int count);

    /// <summary>Reads <paramref name="count"/> elements into the column from <paramref name="start"/> on.</summary>
    public abstract void Read(BinaryReader reader, T[] column, int start, int count);

    /// <summary>The saver for T, or null with the reason it cannot be saved.</summary>
    public static ElementSaver<T>? For(out string? reason)
    {
        reason = null;
        if (typeof(T).GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ISnapshotCodec<>) && i.GenericTypeArguments[0] == typeof(T)))
        {
            return (ElementSaver<T>)Activator.CreateInstance(typeof(CodecSaver<>).MakeGenericType(typeof(T)))!;
        }
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            reason = "it holds references, whose bytes are addresses";
            return null;
        }
        return new BytesSaver();
    }

    private sealed class BytesSaver : ElementSaver<T>
    {
        public override void Write(BinaryWriter writer, T[] column, int start, int count)
            => writer.Write(MemoryMarshal.AsBytes(column.AsSpan(start, count)));

        public override void Read(BinaryReader reader, T[] column, int start, int count)
            => reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(column.AsSpan(start, count)));
    }
}

/// <summary>Calls the component's own codec through a constrained call, so values are not boxed.</summary>
internal sealed class CodecSaver<T> : ElementSaver<T> where T : struct, ISnapshotCodec<T>
{
    public override void Write(BinaryWriter writer, T[] column, int start, int count)
    {
        for (int i = start; i < start + count; i++)
        {
            T.Write(writer, in column[i]);
        }
    }

    public override void Read(BinaryReader reader, T[] column, int start, int count)
    {
        for (int i = start; i < start + count; i++)
        {
            column[i] = T.Read(reader);
        }
    }
}
