using TwinWorld.Protocol.Wire;

namespace TwinWorld.Protocol.Tests;

/// <summary>How State and Frames messages are put back together: whole and newest, or not at all.</summary>
public class ChunkAssemblerTests
{
    [Fact]
    public void A_message_missing_a_chunk_is_dropped_when_a_newer_one_starts()
    {
        var assembler = new ChunkAssembler(1 << 20);
        var first = Message(1);
        var second = Message(2);

        Assert.Null(assembler.Add(1, 0, 3, first[0]));
        Assert.Null(assembler.Add(1, 2, 3, first[2])); // chunk 1 lost
        Assert.Null(assembler.Add(2, 1, 3, second[1]));
        Assert.Null(assembler.Add(1, 1, 3, first[1])); // late: its message was dropped
        Assert.Null(assembler.Add(2, 0, 3, second[0]));
        var whole = assembler.Add(2, 2, 3, second[2]);

        Assert.Equal(second.SelectMany(c => c), whole);
    }

    [Fact]
    public void Late_and_duplicate_chunks_are_ignored_once_a_message_is_delivered()
    {
        var assembler = new ChunkAssembler(1 << 20);
        Assert.NotNull(assembler.Add(5, 0, 1, [1, 2]));

        Assert.Null(assembler.Add(5, 0, 1, [1, 2]));
        Assert.Null(assembler.Add(4, 0, 1, [9]));
        Assert.Equal([3], assembler.Add(6, 0, 1, [3]));
    }

    [Fact]
    public void Hostile_headers_cannot_make_it_hold_more_than_its_limit()
    {
        var assembler = new ChunkAssembler(4096);

        Assert.Null(assembler.Add(1, 0, 60_000, new byte[300])); // claims far more chunks than 4 KB needs
        Assert.Null(assembler.Add(2, 0, 8, new byte[3000]));
        Assert.Null(assembler.Add(2, 1, 8, new byte[3000])); // past 4 KB: refused
        Assert.Null(assembler.Add(2, 1, 7, new byte[10])); // another count for the same message
        Assert.False(Chunk.TryRead([1, 0, 0, 0, 0, 5, 0, 5, 0], out _, out _, out _)); // index past the count
        Assert.False(Chunk.TryRead([0, 0, 0, 0, 0, 0, 0, 1, 0], out _, out _, out _)); // only State is chunked
        Assert.False(Chunk.TryRead([2, 0, 0, 0, 0, 0, 0, 1, 0], out _, out _, out _));
    }

    private static byte[][] Message(byte seed) => [[seed, 1], [seed, 2], [seed, 3]];
}
