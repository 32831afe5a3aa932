namespace TwinWorld.Ecs;

/// <summary>
/// Lets a component that holds references (strings, arrays) say how it is written to and read from a
/// world snapshot. Unmanaged components are saved as their bytes and need nothing.
/// </summary>
public interface ISnapshotCodec<T> where T : struct
{
    static abstract void Write(BinaryWriter writer, in T value);

    static abstract T Read(BinaryReader reader);
}
