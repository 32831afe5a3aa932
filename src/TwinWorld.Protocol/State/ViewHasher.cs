namespace TwinWorld.Protocol.State;

/// <summary>
/// A fixed, platform-independent 64-bit hash (each word mixed in with a multiply and rotate, then a
/// final avalanche), so the server and any client agree on a view's hash. Not cryptographic.
/// </summary>
internal struct ViewHasher
{
    private const ulong Prime = 0x9E3779B97F4A7C15;
    private ulong _state = 0x5457_5649_4557_3031; // "TWVIEW01"

    public ViewHasher()
    {
    }

    public readonly ulong Value
    {
        get
        {
            ulong z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }

    public void Add(long value)
    {
        ulong mixed = (_state ^ (ulong)value) * Prime;
        _state = (mixed << 29) | (mixed >> 35); // rotate left by 29 (ulong.RotateLeft is net7+)
    }

    public void Add(uint value) => Add((long)value);

    public void Add(string value)
    {
        Add(value.Length);
        foreach (char c in value)
        {
            Add(c);
        }
    }
}
