using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TwinWorld.Ecs;

/// <summary>The per-type operations the untyped storage needs, specialised by the JIT for each T.</summary>
internal sealed class ComponentType<T> : ComponentType where T : struct
{
    public static readonly ComponentType<T> Instance = new();

    // A property, not a field: Instance is built in the static constructor before later fields are set.
    private static bool HoldsReferences => RuntimeHelpers.IsReferenceOrContainsReferences<T>();

    private readonly ElementHasher<T>? _hasher;
    private readonly string? _unhashableReason;
    private readonly ElementCloner<T>? _cloner;
    private readonly ElementSaver<T>? _saver;
    private readonly string? _unsavableReason;

    private ComponentType() : base(typeof(T), Unsafe.SizeOf<T>())
    {
        _hasher = ElementHasher<T>.For(HoldsReferences, out _unhashableReason);
        _cloner = ElementCloner<T>.For();
        _saver = ElementSaver<T>.For(out _unsavableReason);
        RawHashBytes = _hasher?.RawBytes ?? -1;
    }

    /// <summary>The type's id, read from a static so hot paths skip the instance lookup.</summary>
    public static readonly int TypeId = Instance.Id;

    internal override Array CreateColumn(int length) => new T[length];

    internal override void CopyElement(Array source, int sourceIndex, Array destination, int destinationIndex)
        => Unsafe.As<T[]>(destination)[destinationIndex] = Unsafe.As<T[]>(source)[sourceIndex];

    internal override void ClearElement(Array column, int index)
    {
        if (HoldsReferences)
        {
            Unsafe.As<T[]>(column)[index] = default;
        }
    }

    internal override Array CloneColumn(Array column, int count)
    {
        var source = Unsafe.As<T[]>(column);
        var copy = new T[source.Length];
        if (_cloner is null)
        {
            Array.Copy(source, copy, count);
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                copy[i] = _cloner.Clone(ref source[i]);
            }
        }
        return copy;
    }

    internal override void HashElement(Array column, int index, ref StableHasher hasher)
    {
        if (_hasher is null)
        {
            throw new NotSupportedException($"Cannot hash component {Type.FullName}: {_unhashableReason}. Implement {nameof(IStableHash)} on it.");
        }
        _hasher.Hash(ref Unsafe.As<T[]>(column)[index], ref hasher);
    }

    internal override void WriteColumn(BinaryWriter writer, Array column, int start, int count) => Saver.Write(writer, Unsafe.As<T[]>(column), start, count);

    internal override void ReadColumn(BinaryReader reader, Array column, int start, int count) => Saver.Read(reader, Unsafe.As<T[]>(column), start, count);

    private ElementSaver<T> Saver
        => _saver ?? throw new NotSupportedException($"Cannot save component {Type.FullName} in a snapshot: {_unsavableReason}. Implement {nameof(ISnapshotCodec<T>)}<{Type.Name}> on it.");

    internal override ComponentValues CreateValues() => new ComponentValues<T>();

    internal static ref T Column(Chunk chunk, int column)
        => ref MemoryMarshal.GetArrayDataReference(Unsafe.As<T[]>(chunk.Columns[column]));
}
