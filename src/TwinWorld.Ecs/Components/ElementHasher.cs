using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TwinWorld.Ecs;

/// <summary>
/// How one component value goes into the world hash: its bytes where those are a faithful description
/// (unmanaged, no padding), or its own <see cref="IStableHash"/>. Chosen once per type, never boxed.
/// </summary>
internal abstract class ElementHasher<T> where T : struct
{
    public abstract void Hash(ref T value, ref StableHasher hasher);

    /// <summary>Bytes to hash straight from storage (0 for tags), or -1 if <see cref="Hash"/> must be called.</summary>
    public virtual int RawBytes => -1;

    /// <summary>The hasher for T, or null with the reason it cannot be hashed.</summary>
    public static ElementHasher<T>? For(bool holdsReferences, out string? reason)
    {
        reason = null;
        if (typeof(IStableHash).IsAssignableFrom(typeof(T)))
        {
            var custom = typeof(CustomHasher<>).MakeGenericType(typeof(T));
            return (ElementHasher<T>)Activator.CreateInstance(custom)!;
        }
        if (holdsReferences)
        {
            reason = "it holds references, whose bytes are addresses";
            return null;
        }
        if (InstanceFields(typeof(T)).Length == 0)
        {
            return new TagHasher();
        }
        if (PackedSize(typeof(T)) != Unsafe.SizeOf<T>())
        {
            reason = "it has padding bytes, whose contents are undefined (or overlapping fields)";
            return null;
        }
        return new BytesHasher();
    }

    private static FieldInfo[] InstanceFields(Type type)
        => type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

    /// <summary>The sum of the sizes of all primitive fields, recursively; equals the size only without padding.</summary>
    private static long PackedSize(Type type)
    {
        if (type.IsEnum)
        {
            return PackedSize(Enum.GetUnderlyingType(type));
        }
        if (type.IsPointer)
        {
            return IntPtr.Size;
        }
        if (type.IsPrimitive)
        {
            // Marshal.SizeOf reports marshalled sizes; bool and char differ in managed memory.
            return type == typeof(bool) ? 1 : Marshal.SizeOf(type == typeof(char) ? typeof(ushort) : type);
        }
        long total = 0;
        foreach (var field in InstanceFields(type))
        {
            total += PackedSize(field.FieldType);
        }
        if (type.GetCustomAttribute<InlineArrayAttribute>() is { } inline)
        {
            total *= inline.Length;
        }
        return total;
    }

    private sealed class BytesHasher : ElementHasher<T>
    {
        public override int RawBytes => Unsafe.SizeOf<T>();

        public override void Hash(ref T value, ref StableHasher hasher)
            => hasher.Add(MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref value, 1)));
    }

    /// <summary>Field-less tag components carry no data: their presence is hashed by the caller.</summary>
    private sealed class TagHasher : ElementHasher<T>
    {
        public override int RawBytes => 0;

        public override void Hash(ref T value, ref StableHasher hasher)
        {
        }
    }
}

/// <summary>Calls <see cref="IStableHash.AppendTo"/> through a constrained call, so the value is not boxed.</summary>
internal sealed class CustomHasher<T> : ElementHasher<T> where T : struct, IStableHash
{
    public override void Hash(ref T value, ref StableHasher hasher) => value.AppendTo(ref hasher);
}
