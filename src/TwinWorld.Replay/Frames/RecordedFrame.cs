using TwinWorld.Ecs;

namespace TwinWorld.Replay.Frames;

/// <summary>
/// A frame a run generated, as recorded: its camera, the tick whose conditions it shows, the tick of the camera's
/// conditions before those (their difference is the camera's motion; -1 for its first), whether the model or the
/// renderer made it, and the XxHash3 of its raw RGB pixels (before JPEG). A <c>RecordKind.Frames</c> record
/// holds the frames of one generation call, in the call's order, so a replay batches them as the run did.
/// </summary>
public sealed record RecordedFrame(Entity Camera, long Tick, long PreviousTick, bool ByModel, ulong Hash)
{
    private const byte Format = 1;

    public static byte[] ToBytes(IReadOnlyList<RecordedFrame> batch)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes))
        {
            writer.Write(Format);
            writer.Write(batch.Count);
            foreach (var frame in batch)
            {
                writer.Write(frame.Camera.Id);
                writer.Write(frame.Camera.Version);
                writer.Write(frame.Tick);
                writer.Write(frame.PreviousTick);
                writer.Write(frame.ByModel);
                writer.Write(frame.Hash);
            }
        }
        return bytes.ToArray();
    }

    public static RecordedFrame[] FromBytes(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload));
        byte format = reader.ReadByte();
        if (format != Format)
        {
            throw new InvalidDataException($"The recording's frames record is format {format}; this build reads format {Format}.");
        }
        var batch = new RecordedFrame[reader.ReadInt32()];
        for (int i = 0; i < batch.Length; i++)
        {
            batch[i] = new RecordedFrame(new Entity(reader.ReadInt32(), reader.ReadInt32()), reader.ReadInt64(), reader.ReadInt64(), reader.ReadBoolean(), reader.ReadUInt64());
        }
        return batch;
    }
}
