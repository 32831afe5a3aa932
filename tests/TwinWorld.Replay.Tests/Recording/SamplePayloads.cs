using System.Buffers.Binary;
using TwinWorld.Replay.Recording;

namespace TwinWorld.Replay.Tests.Recording;

/// <summary>Payloads that identify themselves: record <c>i</c> of a sample is always the same bytes.</summary>
internal static class SamplePayloads
{
    public static byte[] Make(int index, int length)
    {
        var payload = new byte[length];
        new Random(index).NextBytes(payload);
        if (length >= 4)
        {
            BinaryPrimitives.WriteInt32LittleEndian(payload, index);
        }
        return payload;
    }

    /// <summary>A record kind that cycles through all four.</summary>
    public static RecordKind Kind(int index) => (RecordKind)(1 + (index % 4));

    /// <summary>Writes records of the given payload lengths to a new file and returns each record's payload.</summary>
    public static byte[][] WriteFile(string path, params int[] lengths)
    {
        var payloads = new byte[lengths.Length][];
        using var writer = RecordingWriter.Create(path);
        for (int i = 0; i < lengths.Length; i++)
        {
            payloads[i] = Make(i, lengths[i]);
            writer.Append(Kind(i), payloads[i]);
        }
        return payloads;
    }
}
