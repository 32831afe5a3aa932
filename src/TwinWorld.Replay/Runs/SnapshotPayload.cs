using System.IO.Compression;

namespace TwinWorld.Replay.Runs;

/// <summary>
/// A snapshot record: the tick it was taken before (ticks run so far), the state hash then, and the
/// saved run, deflated (the sea at rest and untouched grids compress to little).
/// </summary>
internal static class SnapshotPayload
{
    public static byte[] Pack(long tick, ulong stateHash, byte[] state)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(tick);
            writer.Write(stateHash);
            writer.Write(state.Length);
        }
        using (var zlib = new ZLibStream(bytes, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(state);
        }
        return bytes.ToArray();
    }

    /// <summary>The tick and hash without inflating the state.</summary>
    public static (long Tick, ulong StateHash) Peek(ReadOnlySpan<byte> payload)
        => (BitConverter.ToInt64(payload), BitConverter.ToUInt64(payload[8..]));

    public static byte[] Unpack(byte[] payload)
    {
        int length = BitConverter.ToInt32(payload, 16);
        var state = new byte[length];
        using var zlib = new ZLibStream(new MemoryStream(payload, 20, payload.Length - 20), CompressionMode.Decompress);
        zlib.ReadExactly(state);
        return state;
    }
}
