namespace TwinWorld.Ecs;

/// <summary>
/// Lets a component say how it goes into the world hash. Needed where raw bytes are not a stable
/// description of the value: components that hold references (strings, arrays) or have padding.
/// Plain unmanaged structs without padding are hashed from their bytes and need nothing.
/// </summary>
public interface IStableHash
{
    void AppendTo(ref StableHasher hasher);
}
