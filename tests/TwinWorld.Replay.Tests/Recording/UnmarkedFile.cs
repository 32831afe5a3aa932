using System.Buffers.Binary;
using TwinWorld.Replay.Recording;

namespace TwinWorld.Replay.Tests.Recording;

/// <summary>Writes a recording as format versions 1 and 2 laid it out, without record markers: <c>length | kind | payload | CRC</c>.</summary>
internal static class UnmarkedFile
{
    public static byte[][] Write(string path, uint version, params int[] lengths)
    {
        using var file = File.Create(path);
        file.Write(RecordingFormat.Magic);
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(word, version);
        file.Write(word);
        var payloads = new byte[lengths.Length][];
        for (int i = 0; i < lengths.Length; i++)
        {
            payloads[i] = SamplePayloads.Make(i, lengths[i]);
            byte kind = (byte)SamplePayloads.Kind(i);
            BinaryPrimitives.WriteUInt32LittleEndian(word, (uint)lengths[i]);
            file.Write(word);
            file.WriteByte(kind);
            file.Write(payloads[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(word, Crc32C.Append(Crc32C.Compute([kind]), payloads[i]));
            file.Write(word);
        }
        return payloads;
    }
}
