using TwinWorld.Ecs;

namespace TwinWorld.Simulation.Cameras;

/// <summary>What people call a camera: the scenario's name for it, or the server's for one it made ("overview", "Ann's view").</summary>
public record struct CameraName(string Value) : IStableHash, ISnapshotCodec<CameraName>
{
    public readonly void AppendTo(ref StableHasher hasher) => hasher.Add(Value);

    public static void Write(BinaryWriter writer, in CameraName value) => writer.Write(value.Value);

    public static CameraName Read(BinaryReader reader) => new(reader.ReadString());
}
