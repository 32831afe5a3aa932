using System.Runtime.CompilerServices;

namespace TwinWorld.Ecs;

// Creation with initial components. Each arity resolves its archetype once per world through a
// static signature index, then writes straight into the new row: no intermediate moves.
public sealed partial class World
{
    public Entity Create<T1>(in T1 c1)
        where T1 : struct
    {
        var (chunk, row, columns) = NewRow(Signature<T1>.Index, Signature<T1>.Types, out var entity);
        Column<T1>(chunk, columns[0])[row] = c1;
        return entity;
    }

    public Entity Create<T1, T2>(in T1 c1, in T2 c2)
        where T1 : struct where T2 : struct
    {
        var (chunk, row, columns) = NewRow(Signature<T1, T2>.Index, Signature<T1, T2>.Types, out var entity);
        Column<T1>(chunk, columns[0])[row] = c1;
        Column<T2>(chunk, columns[1])[row] = c2;
        return entity;
    }

    public Entity Create<T1, T2, T3>(in T1 c1, in T2 c2, in T3 c3)
        where T1 : struct where T2 : struct where T3 : struct
    {
        var (chunk, row, columns) = NewRow(Signature<T1, T2, T3>.Index, Signature<T1, T2, T3>.Types, out var entity);
        Column<T1>(chunk, columns[0])[row] = c1;
        Column<T2>(chunk, columns[1])[row] = c2;
        Column<T3>(chunk, columns[2])[row] = c3;
        return entity;
    }

    public Entity Create<T1, T2, T3, T4>(in T1 c1, in T2 c2, in T3 c3, in T4 c4)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct
    {
        var (chunk, row, columns) = NewRow(Signature<T1, T2, T3, T4>.Index, Signature<T1, T2, T3, T4>.Types, out var entity);
        Column<T1>(chunk, columns[0])[row] = c1;
        Column<T2>(chunk, columns[1])[row] = c2;
        Column<T3>(chunk, columns[2])[row] = c3;
        Column<T4>(chunk, columns[3])[row] = c4;
        return entity;
    }

    /// <summary>Creates <c>entities.Length</c> entities with the same initial value, filling whole chunk ranges at once.</summary>
    public void CreateMany<T1>(Span<Entity> entities, in T1 c1)
        where T1 : struct
    {
        ThrowIfIterating("create entities");
        var signature = SignatureFor(Signature<T1>.Index, Signature<T1>.Types);
        for (int done = 0; done < entities.Length;)
        {
            int n = NewRows(signature.Archetype, entities[done..], out var chunk, out int start);
            Column<T1>(chunk, signature.Columns[0]).AsSpan(start, n).Fill(c1);
            done += n;
        }
    }

    public void CreateMany<T1, T2>(Span<Entity> entities, in T1 c1, in T2 c2)
        where T1 : struct where T2 : struct
    {
        ThrowIfIterating("create entities");
        var signature = SignatureFor(Signature<T1, T2>.Index, Signature<T1, T2>.Types);
        for (int done = 0; done < entities.Length;)
        {
            int n = NewRows(signature.Archetype, entities[done..], out var chunk, out int start);
            Column<T1>(chunk, signature.Columns[0]).AsSpan(start, n).Fill(c1);
            Column<T2>(chunk, signature.Columns[1]).AsSpan(start, n).Fill(c2);
            done += n;
        }
    }

    public void CreateMany<T1, T2, T3>(Span<Entity> entities, in T1 c1, in T2 c2, in T3 c3)
        where T1 : struct where T2 : struct where T3 : struct
    {
        ThrowIfIterating("create entities");
        var signature = SignatureFor(Signature<T1, T2, T3>.Index, Signature<T1, T2, T3>.Types);
        for (int done = 0; done < entities.Length;)
        {
            int n = NewRows(signature.Archetype, entities[done..], out var chunk, out int start);
            Column<T1>(chunk, signature.Columns[0]).AsSpan(start, n).Fill(c1);
            Column<T2>(chunk, signature.Columns[1]).AsSpan(start, n).Fill(c2);
            Column<T3>(chunk, signature.Columns[2]).AsSpan(start, n).Fill(c3);
            done += n;
        }
    }

    public void CreateMany<T1, T2, T3, T4>(Span<Entity> entities, in T1 c1, in T2 c2, in T3 c3, in T4 c4)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct
    {
        ThrowIfIterating("create entities");
        var signature = SignatureFor(Signature<T1, T2, T3, T4>.Index, Signature<T1, T2, T3, T4>.Types);
        for (int done = 0; done < entities.Length;)
        {
            int n = NewRows(signature.Archetype, entities[done..], out var chunk, out int start);
            Column<T1>(chunk, signature.Columns[0]).AsSpan(start, n).Fill(c1);
            Column<T2>(chunk, signature.Columns[1]).AsSpan(start, n).Fill(c2);
            Column<T3>(chunk, signature.Columns[2]).AsSpan(start, n).Fill(c3);
            Column<T4>(chunk, signature.Columns[3]).AsSpan(start, n).Fill(c4);
            done += n;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T[] Column<T>(Chunk chunk, int column) where T : struct => Unsafe.As<T[]>(chunk.Columns[column]);

    private (Chunk Chunk, int Row, int[] Columns) NewRow(int signature, ComponentType[] types, out Entity entity)
    {
        ThrowIfIterating("create an entity");
        var entry = SignatureFor(signature, types);
        entity = NewEntity(entry.Archetype, out var chunk, out int row);
        return (chunk, row, entry.Columns);
    }

    /// <summary>Allocates ids and rows for as many entities as fit in the archetype's last chunk.</summary>
    private int NewRows(Archetype archetype, Span<Entity> entities, out Chunk chunk, out int start)
    {
        int n = archetype.AddRows(entities.Length, out chunk, out start);
        for (int i = 0; i < n; i++)
        {
            var entity = entities[i] = AllocateId();
            chunk.Entities[start + i] = entity;
            ref var slot = ref _slots[entity.Id];
            slot.Chunk = chunk;
            slot.Row = start + i;
        }
        return n;
    }
}
