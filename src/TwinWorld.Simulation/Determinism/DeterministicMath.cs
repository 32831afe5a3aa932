using System.Numerics;

namespace TwinWorld.Simulation;

/// <summary>
/// Trigonometry from polynomials of +, -, * and / only, which IEEE 754 rounds the same everywhere,
/// unlike Math.Sin/Atan2 whose last bits depend on the platform's libm. Accurate to about 1e-4 (sin, cos) and 1e-6 (atan2) rad,
/// plenty for headings and directions. Math.Sqrt is correctly rounded and safe to use as it is.
/// </summary>
public static class DeterministicMath
{
    public const float Pi = 3.14159265f;
    public const float TwoPi = 2 * Pi;
    public const float HalfPi = Pi / 2;

    /// <summary>atan2(y, x) in (-pi, pi]; 0 for the zero vector.</summary>
    public static float Atan2(float y, float x)
    {
        float ax = MathF.Abs(x);
        float ay = MathF.Abs(y);
        if (ax == 0 && ay == 0)
        {
            return 0;
        }
        // atan on [0, 1] by Abramowitz & Stegun 4.4.49 (error below 2e-8), then unfold the octant.
        float t = MathF.Min(ax, ay) / MathF.Max(ax, ay);
        float s = t * t;
        float r = t * (0.9999993329f + (s * (-0.3332985605f + (s * (0.1994653599f + (s * (-0.1390853351f
            + (s * (0.0964200441f + (s * (-0.0559098861f + (s * (0.0218612288f + (s * -0.0040540580f))))))))))))));
        if (ay > ax)
        {
            r = HalfPi - r;
        }
        if (x < 0)
        {
            r = Pi - r;
        }
        return y < 0 ? -r : r;
    }

    /// <summary>sin(a) for any finite a, after reducing to [-pi, pi].</summary>
    public static float Sin(float a)
    {
        a = WrapAngle(a);
        // Fold to [-pi/2, pi/2] where the odd polynomial is accurate.
        if (a > HalfPi)
        {
            a = Pi - a;
        }
        else if (a < -HalfPi)
        {
            a = -Pi - a;
        }
        float s = a * a;
        return a * (1 + (s * (-0.166666546f + (s * (0.00833216076f + (s * -0.000195152959f))))));
    }

    public static float Cos(float a) => Sin(a + HalfPi);

    /// <summary>e^x for x in [-80, 80] (clamped), by 2^k times a polynomial on [-ln2/2, ln2/2]; relative error about 2e-7.</summary>
    public static float Exp(float x)
    {
        // ln 2 split in two (Cody and Waite) so that x - k ln 2 keeps its precision for large |x|.
        const float Ln2 = 0.693147181f;
        const float Ln2High = 0.693145752f;
        const float Ln2Low = 1.42860677e-6f;
        x = Math.Clamp(x, -80f, 80f);
        float k = MathF.Round(x / Ln2);
        float r = (x - (k * Ln2High)) - (k * Ln2Low);
        float p = 1 + (r * (1 + (r * (0.5f + (r * (0.166666672f + (r * (0.0416666679f + (r * (0.00833333377f + (r * 0.00138888892f)))))))))));
        return p * BitConverter.Int32BitsToSingle(((int)k + 127) << 23);
    }

    /// <summary>ln(x) for x > 0 (NaN otherwise), from the float's exponent plus 2 atanh((m - 1) / (m + 1)) on m in [0.707, 1.414); relative error about 1e-7.</summary>
    public static float Log(float x)
    {
        if (!(x > 0) || float.IsPositiveInfinity(x))
        {
            return x == 0 ? float.NegativeInfinity : float.IsPositiveInfinity(x) ? x : float.NaN;
        }
        int bits = BitConverter.SingleToInt32Bits(x);
        int exponent = (bits >> 23) - 127;
        if (exponent == -127)
        {
            // Subnormal: scale into the normal range first.
            return Log(x * 8388608f) - (23 * 0.693147181f);
        }
        float m = BitConverter.Int32BitsToSingle((bits & 0x007FFFFF) | 0x3F800000);
        if (m > 1.41421356f)
        {
            m *= 0.5f;
            exponent++;
        }
        float s = (m - 1) / (m + 1);
        float s2 = s * s;
        float series = s * (2 + (s2 * (0.666666667f + (s2 * (0.4f + (s2 * (0.285714286f + (s2 * 0.222222222f))))))));
        return (exponent * 0.693147181f) + series;
    }

    /// <summary>x^y for x >= 0 as exp(y ln x); 0^y is 0 for y > 0 and 1 for y = 0.</summary>
    public static float Pow(float x, float y)
    {
        if (x == 0)
        {
            return y == 0 ? 1 : y > 0 ? 0 : float.PositiveInfinity;
        }
        return Exp(y * Log(x));
    }

    /// <summary>The unit vector at angle a (radians, counter-clockwise from +x).</summary>
    public static Vector2 Direction(float a) => new(Cos(a), Sin(a));

    /// <summary>The same angle in (-pi, pi].</summary>
    public static float WrapAngle(float a)
    {
        if (a > Pi || a <= -Pi)
        {
            a -= TwoPi * MathF.Floor((a + Pi) / TwoPi);
            if (a <= -Pi)
            {
                a += TwoPi;
            }
        }
        return a;
    }
}
