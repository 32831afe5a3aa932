namespace TwinWorld.Simulation;

/// <summary>
/// A small seeded generator (SplitMix64 seeding a xorshift-multiply step) whose whole state is one
/// ulong, so it fits in a component and is copied and hashed with the world. Same seed, same
/// sequence, on every platform; never use Random.Shared in the simulation.
/// </summary>
public struct DeterministicRandom
{
    public ulong State;

    public DeterministicRandom(ulong seed) => State = Mix(seed);

    /// <summary>A generator for one stream (a system, an agent) derived from a run seed.</summary>
    public static DeterministicRandom ForStream(ulong seed, ulong stream) => new(Mix(seed) ^ Mix(stream + 0x632BE59BD9B4E019UL));

    public ulong NextULong()
    {
        State += 0x9E3779B97F4A7C15UL;
        return Mix(State);
    }

    /// <summary>Uniform in [0, 1), from the top 24 bits so every value is an exact float.</summary>
    public float NextFloat() => (NextULong() >> 40) * (1.0f / (1 << 24));

    /// <summary>Uniform in [min, max).</summary>
    public float NextFloat(float min, float max) => min + (NextFloat() * (max - min));

    /// <summary>Uniform in [0, count).</summary>
    public int NextInt(int count) => (int)((NextULong() >> 33) % (ulong)count);

    public bool Chance(float probability) => NextFloat() < probability;

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
