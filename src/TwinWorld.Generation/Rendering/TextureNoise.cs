using System.Numerics;

namespace TwinWorld.Generation.Rendering;

/// <summary>
/// Value noise for the reference renderer's textures: hashed lattice values blended with smoothstep, in [0, 1).
/// Integer hashing and float arithmetic only, so a frame is the same bytes every time it is drawn. Textures anchored
/// to the world (<see cref="Periodic"/>, <see cref="Cell"/>) repeat every <see cref="PeriodMetres"/> east and north,
/// so a model can learn them as one tile indexed by the world planes, whatever the site (protocol/world-model.md).
/// </summary>
internal static class TextureNoise
{
    /// <summary>The world-anchored textures' period, each way, in metres.</summary>
    public const float PeriodMetres = 64;

    /// <summary>Noise at lattice coordinates (one cell per unit), not periodic: for screen-anchored textures.</summary>
    public static float At(float x, float y, uint seed) => At(x, y, seed, 0);

    /// <summary>
    /// Noise of about a wavelength (m) at a world point, periodic over <see cref="PeriodMetres"/>: the wavelength is
    /// rounded so that a whole number of lattice cells spans the period.
    /// </summary>
    public static float Periodic(Vector2 at, float wavelength, uint seed)
    {
        int cells = Cells(wavelength);
        float scale = cells / PeriodMetres;
        return At(at.X * scale, at.Y * scale, seed, cells);
    }

    /// <summary>A hash in [0, 1) of the cell of about a size (m) a world point is in, periodic over <see cref="PeriodMetres"/>.</summary>
    public static float Cell(Vector2 at, float size, uint seed)
    {
        int cells = Cells(size);
        float scale = cells / PeriodMetres;
        return Lattice(Wrap((int)MathF.Floor(at.X * scale), cells), Wrap((int)MathF.Floor(at.Y * scale), cells), seed);
    }

    /// <summary>
    /// Noise of a wavelength (m) about a world point, centred on 0 (-0.5 to 0.5), faded out where a pixel covers
    /// more than half a wavelength (<paramref name="footprint"/> m): detail finer than a pixel would only shimmer.
    /// </summary>
    public static float Detail(Vector2 at, float wavelength, float footprint, uint seed)
    {
        float fade = Math.Clamp((wavelength / (2 * footprint)) - 0.5f, 0, 1);
        return fade == 0 ? 0 : (Periodic(at, wavelength, seed) - 0.5f) * fade;
    }

    /// <summary>A hash of a lattice point (or any two integers) to [0, 1).</summary>
    public static float Lattice(int x, int y, uint seed) => (Hash(x, y, seed) >> 8) * (1f / (1 << 24));

    /// <summary>Noise whose lattice repeats every <paramref name="period"/> cells each way (0: never).</summary>
    private static float At(float x, float y, uint seed, int period)
    {
        float fx = MathF.Floor(x), fy = MathF.Floor(y);
        int x0 = (int)fx, y0 = (int)fy;
        float tx = Smooth(x - fx), ty = Smooth(y - fy);
        int x1 = x0 + 1, y1 = y0 + 1;
        if (period > 0)
        {
            (x0, x1, y0, y1) = (Wrap(x0, period), Wrap(x1, period), Wrap(y0, period), Wrap(y1, period));
        }
        float a = Lattice(x0, y0, seed), b = Lattice(x1, y0, seed);
        float c = Lattice(x0, y1, seed), d = Lattice(x1, y1, seed);
        float bottom = a + ((b - a) * tx);
        float top = c + ((d - c) * tx);
        return bottom + ((top - bottom) * ty);
    }

    private static int Cells(float wavelength) => Math.Max(1, (int)MathF.Round(PeriodMetres / wavelength));

    private static int Wrap(int i, int period) => ((i % period) + period) % period;

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
