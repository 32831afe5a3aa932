using System.Buffers.Binary;
using System.Numerics;

namespace TwinWorld.Ecs;

/// <summary>
/// A streaming 64-bit hash that is the same on every run, process and little- or big-endian machine
/// (unlike <see cref="HashCode"/>, which is randomised per process). Used for world state hashes that
/// recordings store and replays verify, so its output must never change between builds.
/// </summary>
public struct StableHasher
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime3 = 0x165667B19E3779F9UL;

    private ulong _state;
    private ulong _words;

    public StableHasher(ulong seed) => _state = seed ^ Prime3;

    public void Add(ulong value)
    {
        _state = BitOperations.RotateLeft(_state ^ (value * Prime2), 31) * Prime1;
        _words++;
    }

    public void Add(long value) => Add(unchecked((ulong)value));

    public void Add(int value) => Add(unchecked((ulong)(uint)value));

    public void Add(bool value) => Add(value ? 1UL : 0UL);

    /// <summary>Hashes the exact bits, so -0 and +0 differ: replays must match bit for bit.</summary>
    public void Add(float value) => Add(BitConverter.SingleToInt32Bits(value));

    public void Add(double value) => Add(BitConverter.DoubleToInt64Bits(value));

    public void Add(string? value)
    {
        if (value is null)
        {
            Add(ulong.MaxValue);
            return;
        }
        Add(value.Length);
        foreach (char c in value)
        {
            Add((ulong)c);
        }
    }

    /// <summary>Hashes raw bytes, length first so that adjacent spans cannot run into each other.</summary>
    public void Add(ReadOnlySpan<byte> bytes)
    {
        Add((ulong)bytes.Length);
        AddUnprefixed(bytes);
    }

    /// <summary>Hashes bytes whose length the reader already knows (a fixed-size value), without a length word.</summary>
    internal void AddUnprefixed(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length >= sizeof(ulong))
        {
            Add(BinaryPrimitives.ReadUInt64LittleEndian(bytes));
            bytes = bytes[sizeof(ulong)..];
        }
        if (!bytes.IsEmpty)
        {
            ulong tail = 0;
            for (int i = bytes.Length - 1; i >= 0; i--)
            {
                tail = (tail << 8) | bytes[i];
            }
            Add(tail);
        }
    }

    public readonly ulong Finish()
    {
        ulong h = _state ^ (_words * Prime3);
        h ^= h >> 33;
        h *= Prime2;
        h ^= h >> 29;
        h *= Prime3;
        h ^= h >> 32;
        return h;
    }

    /// <summary>The stable hash of a string on its own, e.g. for naming a type across processes.</summary>
    public static ulong Of(string value)
    {
        var hasher = new StableHasher(0);
        hasher.Add(value);
        return hasher.Finish();
    }
}
