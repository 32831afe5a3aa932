namespace TwinWorld.Ecs;

// Per-entity callbacks that also receive the entity handle (for command buffers or lookups).

public interface IForEachWithEntity<T1>
{
    void Update(Entity entity, ref T1 c1);
}

public interface IForEachWithEntity<T1, T2>
{
    void Update(Entity entity, ref T1 c1, ref T2 c2);
}

public interface IForEachWithEntity<T1, T2, T3>
{
    void Update(Entity entity, ref T1 c1, ref T2 c2, ref T3 c3);
}

public interface IForEachWithEntity<T1, T2, T3, T4>
{
    void Update(Entity entity, ref T1 c1, ref T2 c2, ref T3 c3, ref T4 c4);
}
