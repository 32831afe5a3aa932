using TwinWorld.Replay.Recording;

namespace TwinWorld.Replay.CrashTestWriter;

/// <summary>
/// The records the crash writer appends: record <c>n</c>'s kind, length and bytes follow from <c>n</c> alone, so a
/// reader can check each one it gets without knowing where the writer stopped. Mostly ticks of tens of bytes, every
/// 64th a snapshot of a few hundred KB, so that a kill often lands inside a record.
/// </summary>
public static class SelfCheckingRecords
{
    /// <summary>Where the writer stops by itself (256 MiB).</summary>
    public const long MaxFileBytes = 256L << 20;

    private const int SourceWindow = 1 << 20;
    private const int MaxLength = 200_000 + (6 * 50_021);
    private static readonly byte[] Source = MakeSource();

    public static RecordKind KindOf(long sequence) =>
        sequence == 0 ? RecordKind.Header : sequence % 64 == 63 ? RecordKind.Snapshot : RecordKind.Tick;

    public static int LengthOf(long sequence) => KindOf(sequence) switch
    {
        RecordKind.Header => 100,
        RecordKind.Snapshot => 200_000 + (int)(sequence % 7 * 50_021),
        _ => 8 + (int)(sequence % 120),
    };

    /// <summary>
    /// A slice of a fixed block of random bytes whose start moves with the sequence number: telling records apart
    /// costs the writer nothing, so it appends faster than its recording thread writes, and kills land mid-record.
    /// </summary>
    public static ReadOnlySpan<byte> Payload(long sequence) => Source.AsSpan((int)(sequence * 7_919 % SourceWindow), LengthOf(sequence));

    /// <summary>Whether a record read back is exactly record <paramref name="sequence"/>.</summary>
    public static bool Matches(long sequence, RecordKind kind, ReadOnlySpan<byte> payload) =>
        kind == KindOf(sequence) && payload.SequenceEqual(Payload(sequence));

    private static byte[] MakeSource()
    {
        var source = new byte[SourceWindow + MaxLength];
        new Random(2026).NextBytes(source);
        return source;
    }
}
