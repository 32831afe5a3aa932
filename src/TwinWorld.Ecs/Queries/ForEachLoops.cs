using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TwinWorld.Ecs;

// Chunk jobs that run a per-entity callback over every row of a chunk. Sequential and parallel
// queries both go through these, so each arity's loop is written once. Column references are taken
// once per chunk and the loop indexes them with a native-sized index, which keeps bounds checks and
// sign extensions out of the hot loop.

internal struct ForEachLoop<TF, T1> : IChunkJob
    where TF : struct, IForEach<T1> where T1 : struct
{
    public TF Callback;

    public void Execute(in ChunkView chunk)
    {
        ref T1 r1 = ref chunk.GetFirst<T1>();
        for (nint i = 0, n = chunk.Count; i < n; i++)
        {
            Callback.Update(ref Unsafe.Add(ref r1, i));
        }
    }
}

internal struct ForEachLoop<TF, T1, T2> : IChunkJob
    where TF : struct, IForEach<T1, T2> where T1 : struct where T2 : struct
{
    public TF Callback;

    public void Execute(in ChunkView chunk)
    {
        ref T1 r1 = ref chunk.GetFirst<T1>();
        ref T2 r2 = ref chunk.GetFirst<T2>();
        for (nint i = 0, n = chunk.Count; i < n; i++)
        {
            Callback.Update(ref Unsafe.Add(ref r1, i), ref Unsafe.Add(ref r2, i));
        }
    }
}

internal struct ForEachLoop<TF, T1, T2, T3> : IChunkJob
    where TF : struct, IForEach<T1, T2, T3> where T1 : struct where T2 : struct where T3 : struct
{
    public TF Callback;

    public void Execute(in ChunkView chunk)
    {
        ref T1 r1 = ref chunk.GetFirst<T1>();
        ref T2 r2 = ref chunk.GetFirst<T2>();
        ref T3 r3 = ref chunk.GetFirst<T3>();
        for (nint i = 0, n = chunk.Count; i < n; i++)
        {
            Callback.Update(ref Unsafe.Add(ref r1, i), ref Unsafe.Add(ref r2, i), ref Unsafe.Add(ref r3, i));
        }
    }
}

internal struct ForEachLoop<TF, T1, T2, T3, T4> : IChunkJob
    where TF : struct, IForEach<T1, T2, T3, T4> where T1 : struct where T2 : struct where T3 : struct where T4 : struct
{
    public TF Callback;

    public void Execute(in ChunkView chunk)
    {
        ref T1 r1 = ref chunk.GetFirst<T1>();
        ref T2 r2 = ref chunk.GetFirst<T2>();
        ref T3 r3 = ref chunk.GetFirst<T3>();
        ref T4 r4 = ref chunk.GetFirst<T4>();
        for (nint i = 0, n = chunk.Count; i < n; i++)
        {
            Callback.Update(ref Unsafe.Add(ref r1, i), ref Unsafe.Add(ref r2, i), ref Unsafe.Add(ref r3, i), ref Unsafe.Add(ref r4, i));
        }
    }
}

internal struct ForEachWithEntityLoop<TF, T1> : IChunkJob
    where TF : struct, IForEachWithEntity<T1> where T1 : struct
{
    public TF Callback;

    public void Execute(in ChunkView chunk)
    {
        ref Entity entity = ref MemoryMarshal.GetReference(chunk.Entities);
        ref T1 r1 = ref chunk.GetFirst<T1>();
        for (nint i = 0, n = chunk.Count; i < n; i++)
        {
            Callback.Update(Unsafe.Add(ref entity, i), ref Unsafe.Add(ref r1, i));
        }
    }
}

internal struct ForEachWithEntityLoop<TF, T1, T2> : IChunkJob
    where TF : struct, IForEachWithEntity<T1, T2> where T1 : struct where T2 : struct
{
    public TF Callback;

    public void Execute(in ChunkView chunk)
    {
        ref Entity entity = ref MemoryMarshal.GetReference(chunk.Entities);
        ref T1 r1 = ref chunk.GetFirst<T1>();
        ref T2 r2 = ref chunk.GetFirst<T2>();
        for (nint i = 0, n = chunk.Count; i < n; i++)
        {
            Callback.Update(Unsafe.Add(ref entity, i), ref Unsafe.Add(ref r1, i), ref Unsafe.Add(ref r2, i));
        }
    }
}

internal struct ForEachWithEntityLoop<TF, T1, T2, T3> : IChunkJob
    where TF : struct, IForEachWithEntity<T1, T2, T3> where T1 : struct where T2 : struct where T3 : struct
{
    public TF Callback;

    public void Execute(in ChunkView chunk)
    {
        ref Entity entity = ref MemoryMarshal.GetReference(chunk.Entities);
        ref T1 r1 = ref chunk.GetFirst<T1>();
        ref T2 r2 = ref chunk.GetFirst<T2>();
        ref T3 r3 = ref chunk.GetFirst<T3>();
        for (nint i = 0, n = chunk.Count; i < n; i++)
        {
            Callback.Update(Unsafe.Add(ref entity, i), ref Unsafe.Add(ref r1, i), ref Unsafe.Add(ref r2, i), ref Unsafe.Add(ref r3, i));
        }
    }
}

internal struct ForEachWithEntityLoop<TF, T1, T2, T3, T4> : IChunkJob
    where TF : struct, IForEachWithEntity<T1, T2, T3, T4> where T1 : struct where T2 : struct where T3 : struct where T4 : struct
{
    public TF Callback;

    public void Execute(in ChunkView chunk)
    {
        ref Entity entity = ref MemoryMarshal.GetReference(chunk.Entities);
        ref T1 r1 = ref chunk.GetFirst<T1>();
        ref T2 r2 = ref chunk.GetFirst<T2>();
        ref T3 r3 = ref chunk.GetFirst<T3>();
        ref T4 r4 = ref chunk.GetFirst<T4>();
        for (nint i = 0, n = chunk.Count; i < n; i++)
        {
            Callback.Update(Unsafe.Add(ref entity, i), ref Unsafe.Add(ref r1, i), ref Unsafe.Add(ref r2, i), ref Unsafe.Add(ref r3, i), ref Unsafe.Add(ref r4, i));
        }
    }
}
