using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace TwinWorld.Ecs;

/// <summary>
/// One chunk of a query's result: <see cref="Count"/> entities with their components as spans, for
/// loops the compiler can vectorise. <see cref="Index"/> is the chunk's position in the query's
/// order, the same on every run, so parallel jobs can write per-chunk results and combine them in order.
/// </summary>
public readonly struct ChunkView
{
    private readonly Archetype _archetype;
    private readonly Chunk _chunk;

    internal ChunkView(Archetype archetype, Chunk chunk, int index)
    {
        _archetype = archetype;
        _chunk = chunk;
        Index = index;
    }

    public int Index { get; }

    public int Count => _chunk.Count;

    public ReadOnlySpan<Entity> Entities => new(_chunk.Entities, 0, _chunk.Count);

    public bool Has<T>() where T : struct => _archetype.Has(ComponentType<T>.TypeId);

    public Span<T> GetSpan<T>() where T : struct
        => new(Unsafe.As<T[]>(_chunk.Columns[ColumnOf<T>()]), 0, _chunk.Count);

    /// <summary>A reference to the first element of T's column, for loops that index with Unsafe.Add.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref T GetFirst<T>() where T : struct => ref ComponentType<T>.Column(_chunk, ColumnOf<T>());

    private int ColumnOf<T>() where T : struct
    {
        int column = _archetype.ColumnOf(ComponentType<T>.TypeId);
        if (column < 0)
        {
            ThrowMissing(typeof(T), _archetype);
        }
        return column;
    }

    // Kept out of line so the message formatting does not bloat every chunk loop that inlines ColumnOf.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowMissing(Type component, Archetype archetype)
        => throw new InvalidOperationException($"This chunk's entities have no {component.Name} component (they have {archetype}); add it to the query's WithAll.");
}
