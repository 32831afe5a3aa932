using System.Runtime.CompilerServices;

namespace TwinWorld.Ecs;

/// <summary>
/// A registered component type. Types register on first use and get a small dense id for bit sets
/// and lookup tables. Ids depend on first-use order within a process, so anything persisted or
/// hashed uses <see cref="StableKey"/> (a stable hash of the type's full name) instead.
/// </summary>
internal abstract class ComponentType
{
    private static readonly Lock Gate = new();
    private static ComponentType[] s_byId = new ComponentType[64];
    private static int s_count;

    private protected ComponentType(Type type, int size)
    {
        Type = type;
        Size = size;
        StableKey = StableHasher.Of(StableName(type));
        lock (Gate)
        {
            Id = s_count;
            if (s_count == s_byId.Length)
            {
                Array.Resize(ref s_byId, s_count * 2);
            }
            s_byId[s_count] = this;
            Volatile.Write(ref s_count, s_count + 1);
        }
    }

    public int Id { get; }

    public Type Type { get; }

    /// <summary>Bytes per element in a chunk column.</summary>
    public int Size { get; }

    /// <summary>Identifies the type across processes and builds; used for hashing.</summary>
    public ulong StableKey { get; }

    /// <summary>How many bytes of each element the world hash reads straight from storage (0 for tags), or -1 when the type hashes itself.</summary>
    internal int RawHashBytes { get; private protected init; } = -1;

    internal static ComponentType FromId(int id) => Volatile.Read(ref s_byId)[id];

    /// <summary>
    /// The type's full name without assembly versions: Type.FullName of a generic type embeds each
    /// argument's assembly version, which would change every recorded hash on an upgrade.
    /// </summary>
    internal static string StableName(Type type)
    {
        if (type.IsArray)
        {
            return StableName(type.GetElementType()!) + "[]";
        }
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            return $"{definition.FullName}[{string.Join(",", type.GetGenericArguments().Select(StableName))}]";
        }
        return type.FullName ?? type.Name;
    }

    internal abstract Array CreateColumn(int length);

    internal abstract void CopyElement(Array source, int sourceIndex, Array destination, int destinationIndex);

    /// <summary>Drops references held by a vacated element so the GC can collect them.</summary>
    internal abstract void ClearElement(Array column, int index);

    internal abstract Array CloneColumn(Array column, int count);

    internal abstract void HashElement(Array column, int index, ref StableHasher hasher);

    internal abstract void WriteColumn(BinaryWriter writer, Array column, int start, int count);

    /// <summary>Fills <paramref name="count"/> elements of a column, from <paramref name="start"/> on, from a snapshot.</summary>
    internal abstract void ReadColumn(BinaryReader reader, Array column, int start, int count);

    internal abstract ComponentValues CreateValues();

    /// <summary>The registered type for a CLR type (registering it now if this process has not used it yet).</summary>
    internal static ComponentType Of(Type type)
        => (ComponentType)typeof(ComponentType<>).MakeGenericType(type).GetField("Instance")!.GetValue(null)!;

    public override string ToString() => Type.Name;
}
