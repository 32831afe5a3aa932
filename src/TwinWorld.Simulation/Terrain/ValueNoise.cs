namespace TwinWorld.Simulation.Terrain;

/// <summary>Smooth seeded noise in [0, 1): hashed lattice values, blended with smoothstep.</summary>
internal readonly struct ValueNoise(ulong seed)
{
    public float At(float x, float y)
    {
        int x0 = (int)MathF.Floor(x);
        int y0 = (int)MathF.Floor(y);
        float tx = Smooth(x - x0);
        float ty = Smooth(y - y0);
        float a = Lattice(x0, y0) + ((Lattice(x0 + 1, y0) - Lattice(x0, y0)) * tx);
        float b = Lattice(x0, y0 + 1) + ((Lattice(x0 + 1, y0 + 1) - Lattice(x0, y0 + 1)) * tx);
        return a + ((b - a) * ty);
    }

    private static float Smooth(float t) => t * t * (3 - (2 * t));

    private float Lattice(int x, int y)
    {
        var random = DeterministicRandom.ForStream(seed, ((ulong)(uint)x << 32) | (uint)y);
        return random.NextFloat();
    }
}
