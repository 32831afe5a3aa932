using System.Numerics;
using System.Runtime.CompilerServices;

namespace TwinWorld.Simulation.Hazards.Water;

/// <summary>
/// The pieces of the finite-volume step that act on cells and faces, a vector of them at a time: the slope limiter,
/// desingularised velocities, the HLL flux with hydrostatic reconstruction (Audusse, Bouchut, Bristeau, Klein and
/// Perthame 2004, "A fast and stable well-balanced scheme with hydrostatic reconstruction for shallow water flows",
/// SIAM J. Sci. Comput. 25(6)) and a cube root. Each lane sees the same sequence of IEEE operations, so a cell's
/// result does not depend on which lane or which worker computed it.
/// </summary>
internal static class WaterFlux
{
    public const float G = ShallowWaterSolver.Gravity;

    private const float Eps = ShallowWaterSolver.ThinDepth;

    /// <summary>
    /// Velocity from discharge q and depth h, bounded as h goes to 0 (after Kurganov and Petrova 2007, Commun. Math.
    /// Sci. 5(1)): exactly q / h in water deeper than <see cref="ShallowWaterSolver.ThinDepth"/>, and 2 h q / (h^2 + eps^2)
    /// below, so a film of water a few molecules thick cannot race off at a huge speed and stall the time step. Only
    /// the fluxes use it; the discharge itself is kept (resetting it to h u, as Kurganov and Petrova do, acts as a
    /// brake on thin fronts: it made a dam-break front lag 20 m behind Ritter's).
    /// </summary>
    public static float Velocity(float q, float h) => h >= Eps ? q / h : 2 * h * q / ((h * h) + (Eps * Eps));

    /// <inheritdoc cref="Velocity(float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Velocity(Vector<float> q, Vector<float> h)
    {
        var two = new Vector<float>(2);
        return Vector.ConditionalSelect(Vector.GreaterThanOrEqual(h, new Vector<float>(Eps)), q / h, two * h * q / ((h * h) + new Vector<float>(Eps * Eps)));
    }

    /// <summary>
    /// The limited slope of a cell from its backward and forward differences: the generalised minmod
    /// minmod(2a, (a + b) / 2, 2b), i.e. van Leer's monotonised central limiter. It keeps face values between the
    /// neighbours' (no new extrema, depth stays non-negative) and, being the least diffusive of the minmod family,
    /// carries a wave train over many wavelengths with little loss of height.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Limit(Vector<float> a, Vector<float> b)
    {
        var m = Vector.Min(new Vector<float>(2) * Vector.Min(Vector.Abs(a), Vector.Abs(b)), new Vector<float>(0.5f) * Vector.Abs(a + b));
        var signed = Vector.ConditionalSelect(Vector.GreaterThan(a, Vector<float>.Zero), m, -m);
        return Vector.ConditionalSelect(Vector.GreaterThan(a * b, Vector<float>.Zero), signed, Vector<float>.Zero);
    }

    /// <summary>
    /// The flux through faces between left and right reconstructed states (surface eta, depth h, normal and tangential
    /// velocity). The bed at a face is the higher of the two sides' and each side's depth is cut to it, which is what
    /// keeps a lake at rest over any bed. Returns the mass flux, the tangential momentum flux (upwind), and the normal
    /// momentum flux as each side sees it: the advective part h* un^2 plus the HLL correction. The hydrostatic
    /// pressure terms cancel against the cell's bed-slope source and are applied there as g h d(eta).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Riemann(
        Vector<float> etaL, Vector<float> hL, Vector<float> unL, Vector<float> utL,
        Vector<float> etaR, Vector<float> hR, Vector<float> unR, Vector<float> utR,
        out Vector<float> mass, out Vector<float> tangential, out Vector<float> normalLeft, out Vector<float> normalRight)
    {
        var zero = Vector<float>.Zero;
        var g = new Vector<float>(G);
        var zStar = Vector.Max(etaL - hL, etaR - hR);
        var hsL = Vector.Max(zero, etaL - zStar);
        var hsR = Vector.Max(zero, etaR - zStar);
        var cL = Vector.SquareRoot(g * hsL);
        var cR = Vector.SquareRoot(g * hsR);
        var qL = hsL * unL;
        var qR = hsR * unR;
        var dryL = Vector.Equals(hsL, zero);
        var dryR = Vector.Equals(hsR, zero);
        // Wave speeds (Davis); a front running onto dry ground moves at u + 2c (Toro 2001, Shock-capturing methods
        // for free-surface shallow flows, 10.2).
        var sL = Vector.ConditionalSelect(dryR, unL - cL, Vector.ConditionalSelect(dryL, unR - (cR + cR), Vector.Min(unL - cL, unR - cR)));
        var sR = Vector.ConditionalSelect(dryR, unL + (cL + cL), Vector.ConditionalSelect(dryL, unR + cR, Vector.Max(unL + cL, unR + cR)));
        var half = new Vector<float>(0.5f);
        var fL = (qL * unL) + (half * g * hsL * hsL);
        var fR = (qR * unR) + (half * g * hsR * hsR);
        // HLL written as each side's own flux plus a correction, so equal states at rest give exactly no correction.
        var inv = Vector<float>.One / (sR - sL);
        var jump = fL - fR;
        var dq = qR - qL;
        var upwindL = Vector.GreaterThanOrEqual(sL, zero);
        var upwindR = Vector.LessThanOrEqual(sR, zero);
        var bothDry = dryL & dryR;
        mass = Vector.ConditionalSelect(upwindL, qL, Vector.ConditionalSelect(upwindR, qR, ((sR * qL) - (sL * qR) + (sL * sR * (hsR - hsL))) * inv));
        var dL = Vector.ConditionalSelect(upwindL, zero, Vector.ConditionalSelect(upwindR, fR - fL, sL * (jump + (sR * dq)) * inv));
        var dR = Vector.ConditionalSelect(upwindL, jump, Vector.ConditionalSelect(upwindR, zero, sR * (jump + (sL * dq)) * inv));
        mass = Vector.ConditionalSelect(bothDry, zero, mass);
        tangential = mass * Vector.ConditionalSelect(Vector.GreaterThan(mass, zero), utL, utR);
        normalLeft = Vector.ConditionalSelect(bothDry, zero, (qL * unL) + dL);
        normalRight = Vector.ConditionalSelect(bothDry, zero, (qR * unR) + dR);
    }

    /// <summary>x^(1/3) for x > 0 by Newton's method from the exponent-thirding bit estimate (within 4%), so three steps reach float precision.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Cbrt(Vector<float> x)
    {
        var third = new Vector<float>(1f / 3);
        var bits = Vector.ConvertToInt32(Vector.ConvertToSingle(Vector.AsVectorInt32(x)) * third) + new Vector<int>(709921077);
        var y = Vector.AsVectorSingle(bits);
        for (int i = 0; i < 3; i++)
        {
            y = (y + y + (x / (y * y))) * third;
        }
        return y;
    }
}
