using System.Numerics;

namespace TwinWorld.Generation.Rendering;

/// <summary>
/// Value noise for the reference renderer's textures: hashed lattice values blended with smoothstep, in [0, 1).
/// Integer hashing and float arithmetic only, so a frame is the same bytes every time it is drawn.
/// </summary>
internal static class TextureNoise
{
    public static float At(float x, float y, uint seed)
    {
        float fx = MathF.Floor(x), fy = MathF.Floor(y);
        int x0 = (int)fx, y0 = (int)fy;
        float tx = Smooth(x - fx), ty = Smooth(y - fy);
        float a = Lattice(x0, y0, seed), b = Lattice(x0 + 1, y0, seed);
        float c = Lattice(x0, y0 + 1, seed), d = Lattice(x0 + 1, y0 + 1, seed);
        float bottom = a + ((b - a) * tx);
        float top = c + ((d - c) * tx);
        return bottom + ((top - bottom) * ty);
    }

    /// <summary>
    /// Noise of a wavelength (m) about a world point, centred on 0 (-0.5 to 0.5), faded out where a pixel covers
    /// more than half a wavelength (<paramref name="footprint"/> m): detail finer than a pixel would only shimmer.
    /// </summary>
    public static float Detail(Vector2 at, float wavelength, float footprint, uint seed)
    {
        float fade = Math.Clamp((wavelength / (2 * footprint)) - 0.5f, 0, 1);
        return fade == 0 ? 0 : (At(at.X / wavelength, at.Y / wavelength, seed) - 0.5f) * fade;
    }

    /// <summary>A hash of a lattice point (or any two integers) to [0, 1).</summary>
    public static float Lattice(int x, int y, uint seed) => (Hash(x, y, seed) >> 8) * (1f / (1 << 24));

    private static float Smooth(float t) => t * t * (3 - (2 * t));

    private static uint Hash(int x, int y, uint seed)
    {
        // Multiply-xorshift mixing of the packed coordinates: cheap, and no visible lattice patterns.
        ulong h = ((ulong)(uint)x << 32) | (uint)y;
        h ^= seed * 0x9E3779B97F4A7C15UL;
        h ^= h >> 31;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 29;
        h *= 0x94D049BB133111EBUL;
        h ^= h >> 32;
        return (uint)h;
    }
}
