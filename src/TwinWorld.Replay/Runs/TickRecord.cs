using TwinWorld.Simulation.Inputs;

namespace TwinWorld.Replay.Runs;

/// <summary>One tick as it ran: the inputs due at it in the order applied, then the state hash and its parts.</summary>
public sealed record TickRecord(long Tick, ulong StateHash, ulong[] Parts, IReadOnlyList<SimulationInput> Inputs)
{
    public byte[] ToBytes()
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes))
        {
            writer.Write(Tick);
            writer.Write(StateHash);
            writer.Write((byte)Parts.Length);
            foreach (ulong part in Parts)
            {
                writer.Write(part);
            }
            writer.Write(Inputs.Count);
            foreach (var input in Inputs)
            {
                InputCodec.Write(writer, input);
            }
        }
        return bytes.ToArray();
    }

    public static TickRecord FromBytes(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload));
        long tick = reader.ReadInt64();
        ulong hash = reader.ReadUInt64();
        var parts = new ulong[reader.ReadByte()];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = reader.ReadUInt64();
        }
        var inputs = new SimulationInput[reader.ReadInt32()];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = InputCodec.Read(reader);
        }
        return new TickRecord(tick, hash, parts, inputs);
    }
}
