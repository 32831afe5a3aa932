namespace TwinWorld.Ecs;

// Per-entity callbacks. Implement them on a struct: the query methods are generic over the struct,
// so the JIT specialises the loop for it and inlines Update into the chunk loop.

public interface IForEach<T1>
{
    void Update(ref T1 c1);
}

public interface IForEach<T1, T2>
{
    void Update(ref T1 c1, ref T2 c2);
}

public interface IForEach<T1, T2, T3>
{
    void Update(ref T1 c1, ref T2 c2, ref T3 c3);
}

public interface IForEach<T1, T2, T3, T4>
{
    void Update(ref T1 c1, ref T2 c2, ref T3 c3, ref T4 c4);
}
