using System.Buffers.Binary;
using System.Numerics;

namespace TwinWorld.Ecs;

/// <summary>
/// A streaming 64-bit hash that is the same on every run, process and little- or big-endian machine
/// (unlike <see cref="HashCode"/>, which is randomised per process). Used for world state hashes that
/// recordings store and replays verify, so a change to its output is a change of recording format: a
/// build then reports recordings made before it as diverging at the setup, naming the build they came from.
/// </summary>
public struct StableHasher
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime3 = 0x165667B19E3779F9UL;

    /// <summary>Bytes a round of the four lanes takes.</summary>
    private const int Stripe = 32;

    private ulong _state;
    private ulong _words;

    public StableHasher(ulong seed) => _state = seed ^ Prime3;

    public void Add(ulong value)
    {
        _state = Round(_state, value);
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
        if (bytes.Length >= Stripe)
        {
            // Long spans (grids, component columns) go through four independent lanes, 32 bytes a round,
            // so the multiplies overlap instead of waiting on each other; the lanes then join the state.
            ulong a = _state;
            ulong b = _state + Prime1;
            ulong c = _state ^ Prime2;
            ulong d = _state - Prime3;
            do
            {
                a = Round(a, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
                b = Round(b, BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]));
                c = Round(c, BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]));
                d = Round(d, BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]));
                bytes = bytes[Stripe..];
            }
            while (bytes.Length >= Stripe);
            _state = a;
            Add(b);
            Add(c);
            Add(d);
        }
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

    private static ulong Round(ulong state, ulong value) => BitOperations.RotateLeft(state ^ (value * Prime2), 31) * Prime1;

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
