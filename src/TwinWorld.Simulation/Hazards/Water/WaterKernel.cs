using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TwinWorld.Simulation.Hazards.Water;

/// <summary>
/// One forward-Euler stage of the second-order finite-volume step over the whole grid, in fixed bands of rows run
/// in parallel, a vector of cells at a time. Each cell's new value depends only on the stage's input, and each face
/// flux is a pure function of its neighbourhood (faces on band edges are simply computed by both bands), so the
/// result is bit-identical for any number of workers.
/// <para>
/// Reconstruction is MUSCL with limited slopes (<see cref="WaterFlux.Limit"/>) of surface level, depth and both
/// velocities; fluxes are HLL with hydrostatic reconstruction (<see cref="WaterFlux.Riemann"/>) and the bed slope
/// enters as Audusse et al.'s (2004) centred source, which with the face pressure terms reduces to
/// -g h (eta_E - eta_W) / dx per direction. Ghost cells beyond the sides (<see cref="WaterSide"/>) get slopes too:
/// a wall's are mirrored, so its face states mirror the cell's exactly and no water crosses it.
/// </para>
/// <para>
/// Dry land costs nothing: a row is processed only over the span where it or a row beside it has water (one cell of
/// halo), plus the span where the output copy still holds water from before. Outside it every face has two dry sides
/// and the update is exactly zero, so skipping changes no bit.
/// </para>
/// </summary>
internal sealed class WaterKernel
{
    /// <summary>Slack needed after the last cell of arrays the kernel reads a vector at a time.</summary>
    public static readonly int Padding = Vector<float>.Count;

    /// <summary>Depths at or below this are set to dry, so drained cells leave the wet span and never go subnormal.</summary>
    private const float TinyDepth = 1e-10f;

    private static readonly int Lanes = Vector<float>.Count;

    private readonly int _width;
    private readonly int _height;
    private readonly float _cellSize;
    private readonly float[] _bed;
    private readonly float[] _friction;
    private readonly WaterSide _west;
    private readonly WaterSide _east;
    private readonly WaterSide _south;
    private readonly WaterSide _north;
    private readonly int[] _lo;
    private readonly int[] _hi;
    private readonly Band[] _bands;
    private readonly ParallelOptions _parallel;
    private readonly Action<int> _runBand;
    private readonly Vector<int> _laneIndex;
    private WaterState _in;
    private WaterState _out;
    private float _dt;
    private bool _final;

    /// <param name="friction">g n^2 per cell, n the Manning coefficient, padded like the bed.</param>
    public WaterKernel(int width, int height, float cellSize, float[] bed, float[] friction, WaterSide west, WaterSide east, WaterSide south, WaterSide north, WaterState initial, int workers)
    {
        _width = width;
        _height = height;
        _cellSize = cellSize;
        _bed = bed;
        _friction = friction;
        _west = west;
        _east = east;
        _south = south;
        _north = north;
        _lo = new int[height];
        _hi = new int[height];
        // More bands than workers so a wet corner of the map still spreads over every worker.
        int bands = Math.Min(height, 4 * workers);
        _bands = new Band[bands];
        for (int b = 0; b < bands; b++)
        {
            _bands[b] = new Band(b * height / bands, (b + 1) * height / bands, width);
        }
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = workers };
        _runBand = RunBand;
        Span<int> lanes = stackalloc int[Lanes];
        for (int i = 0; i < Lanes; i++)
        {
            lanes[i] = i;
        }
        _laneIndex = new Vector<int>(lanes);
        _in = _out = initial;
    }

    /// <summary>After <see cref="Stage"/>: the largest |u| + c and |v| + c of the output (NaN if the step blew up).</summary>
    public float MaxAx { get; private set; }

    public float MaxAy { get; private set; }

    /// <summary>
    /// output = input + dt L(input); with <paramref name="final"/> (the second Heun stage, output being the state the
    /// step started from) output = (output + input + dt L(input)) / 2, then Manning friction. The side ghosts must be
    /// up to date for the input.
    /// </summary>
    public void Stage(WaterState input, WaterState output, float dt, bool final)
    {
        ComputeSpans(input, output);
        _in = input;
        _out = output;
        _dt = dt;
        _final = final;
        if (_parallel.MaxDegreeOfParallelism == 1)
        {
            for (int b = 0; b < _bands.Length; b++)
            {
                RunBand(b);
            }
        }
        else
        {
            Parallel.For(0, _bands.Length, _parallel, _runBand);
        }
        float ax = 0;
        float ay = 0;
        bool bad = false;
        foreach (Band band in _bands)
        {
            for (int i = 0; i < Lanes; i++)
            {
                ax = MathF.Max(ax, band.MaxAx[i]);
                ay = MathF.Max(ay, band.MaxAy[i]);
                bad |= band.Bad[i] != 0;
            }
        }
        MaxAx = bad ? float.NaN : ax;
        MaxAy = ay;
    }

    /// <summary>
    /// Which cells of each row the stage must visit: wet cells and their neighbours (ghosts included), and the
    /// output's wet cells; rounded up to whole vectors, which only adds cells whose update is exact anyway.
    /// </summary>
    private void ComputeSpans(WaterState input, WaterState output)
    {
        int w = _width;
        for (int y = 0; y < _height; y++)
        {
            int lo = w;
            int hi = -1;
            if (input.RowWet(y))
            {
                lo = Math.Max(0, input.WetLo[y] - 1);
                hi = Math.Min(w - 1, input.WetHi[y] + 1);
            }
            if (y > 0 && input.RowWet(y - 1))
            {
                Hull(ref lo, ref hi, input.WetLo[y - 1], input.WetHi[y - 1]);
            }
            if (y + 1 < _height && input.RowWet(y + 1))
            {
                Hull(ref lo, ref hi, input.WetLo[y + 1], input.WetHi[y + 1]);
            }
            if (_west.Ghost.H[y] > 0)
            {
                Hull(ref lo, ref hi, 0, 0);
            }
            if (_east.Ghost.H[y] > 0)
            {
                Hull(ref lo, ref hi, w - 1, w - 1);
            }
            if (y == 0 && _south.WetLo <= _south.WetHi)
            {
                Hull(ref lo, ref hi, _south.WetLo, _south.WetHi);
            }
            if (y == _height - 1 && _north.WetLo <= _north.WetHi)
            {
                Hull(ref lo, ref hi, _north.WetLo, _north.WetHi);
            }
            if (output.RowWet(y))
            {
                Hull(ref lo, ref hi, output.WetLo[y], output.WetHi[y]);
            }
            if (lo <= hi)
            {
                hi = Math.Min(w - 1, lo + ((hi - lo + Lanes) / Lanes * Lanes) - 1);
            }
            _lo[y] = lo;
            _hi[y] = hi;
        }
    }

    private static void Hull(ref int lo, ref int hi, int otherLo, int otherHi)
    {
        lo = Math.Min(lo, otherLo);
        hi = Math.Max(hi, otherHi);
    }

    /// <summary>The span of rows y-1, y and y+1 together: where row y's vertical slopes are needed.</summary>
    private (int Lo, int Hi) Cover(int y)
    {
        int lo = _lo[y];
        int hi = _hi[y];
        if (y > 0)
        {
            Hull(ref lo, ref hi, _lo[y - 1], _hi[y - 1]);
        }
        if (y + 1 < _height)
        {
            Hull(ref lo, ref hi, _lo[y + 1], _hi[y + 1]);
        }
        return (lo, hi);
    }

    private void RunBand(int index)
    {
        Band band = _bands[index];
        var maxAx = Vector<float>.Zero;
        var maxAy = Vector<float>.Zero;
        var bad = Vector<int>.Zero;
        // Whether band.Cur and band.South already hold row y's slopes and south faces (computed with the row below).
        bool carried = false;
        for (int y = band.First; y < band.End; y++)
        {
            int lo = _lo[y];
            int hi = _hi[y];
            if (lo > hi)
            {
                carried = false;
                continue;
            }
            if (!carried)
            {
                int southLo = lo;
                int southHi = hi;
                if (y > 0)
                {
                    Hull(ref southLo, ref southHi, _lo[y - 1], _hi[y - 1]);
                    Slopes(y - 1, southLo, southHi, band.Next);
                }
                (int coverLo, int coverHi) = Cover(y);
                Slopes(y, coverLo, coverHi, band.Cur);
                YFaces(y - 1, southLo, southHi, band.Next, band.Cur, band);
                (band.South, band.North) = (band.North, band.South);
            }
            int northLo = lo;
            int northHi = hi;
            if (y + 1 < _height)
            {
                Hull(ref northLo, ref northHi, _lo[y + 1], _hi[y + 1]);
                (int coverLo, int coverHi) = Cover(y + 1);
                Slopes(y + 1, coverLo, coverHi, band.Next);
            }
            YFaces(y, northLo, northHi, band.Cur, band.Next, band);
            SweepRow(y, lo, hi, band, ref maxAx, ref maxAy, ref bad);
            (band.South, band.North) = (band.North, band.South);
            (band.Cur, band.Next) = (band.Next, band.Cur);
            carried = true;
        }
        band.MaxAx = maxAx;
        band.MaxAy = maxAy;
        band.Bad = bad;
    }

    /// <summary>Limited vertical slopes of row y's cells lo..hi, the south and north ghosts standing in beyond the grid.</summary>
    private void Slopes(int y, int lo, int hi, WaterPrimitives dst)
    {
        WaterState s = _in;
        int row = y * _width;
        (WaterPrimitives below, int belowAt) = y > 0 ? (s.Primitives, row - _width) : (_south.Ghost, 0);
        (WaterPrimitives above, int aboveAt) = y + 1 < _height ? (s.Primitives, row + _width) : (_north.Ghost, 0);
        for (int x = lo; x <= hi; x += Lanes)
        {
            Store(Slope(s.Eta, below.Eta, above.Eta, row + x, belowAt + x, aboveAt + x), dst.Eta, x);
            Store(Slope(s.H, below.H, above.H, row + x, belowAt + x, aboveAt + x), dst.H, x);
            Store(Slope(s.U, below.U, above.U, row + x, belowAt + x, aboveAt + x), dst.U, x);
            Store(Slope(s.V, below.V, above.V, row + x, belowAt + x, aboveAt + x), dst.V, x);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Slope(float[] centre, float[] before, float[] after, int c, int b, int a)
    {
        var mid = Load(centre, c);
        return WaterFlux.Limit(mid - Load(before, b), Load(after, a) - mid);
    }

    /// <summary>
    /// Fluxes through the horizontal faces between row yLower and the row above it, columns lo..hi, into band.North.
    /// Beyond the south or north side the ghost row stands in, with mirrored slopes for a wall and none otherwise.
    /// </summary>
    private void YFaces(int yLower, int lo, int hi, WaterPrimitives lowerSlopes, WaterPrimitives upperSlopes, Band band)
    {
        WaterState s = _in;
        int w = _width;
        WaterPrimitives lower = s.Primitives;
        WaterPrimitives upper = s.Primitives;
        int lowerAt = yLower * w;
        int upperAt = (yLower + 1) * w;
        if (yLower < 0)
        {
            (lower, lowerAt) = (_south.Ghost, 0);
            lowerSlopes = GhostSlopes(_south.Kind, upperSlopes, band.Ghost, lo, hi);
        }
        if (yLower + 1 >= _height)
        {
            (upper, upperAt) = (_north.Ghost, 0);
            upperSlopes = GhostSlopes(_north.Kind, lowerSlopes, band.Ghost, lo, hi);
        }
        var half = new Vector<float>(0.5f);
        Faces dst = band.North;
        for (int x = lo; x <= hi; x += Lanes)
        {
            int l = lowerAt + x;
            int u = upperAt + x;
            WaterFlux.Riemann(
                Load(lower.Eta, l) + (half * Load(lowerSlopes.Eta, x)), Load(lower.H, l) + (half * Load(lowerSlopes.H, x)),
                Load(lower.V, l) + (half * Load(lowerSlopes.V, x)), Load(lower.U, l) + (half * Load(lowerSlopes.U, x)),
                Load(upper.Eta, u) - (half * Load(upperSlopes.Eta, x)), Load(upper.H, u) - (half * Load(upperSlopes.H, x)),
                Load(upper.V, u) - (half * Load(upperSlopes.V, x)), Load(upper.U, u) - (half * Load(upperSlopes.U, x)),
                out var mass, out var tangential, out var below, out var above);
            Store(mass, dst.Mass, x);
            Store(tangential, dst.Tangential, x);
            Store(below, dst.Before, x);
            Store(above, dst.After, x);
        }
    }

    /// <summary>Slopes for the south or north ghost row, from the boundary row's: mirrored for a wall (the normal velocity's kept), zero otherwise.</summary>
    private static WaterPrimitives GhostSlopes(WaterBoundary kind, WaterPrimitives inside, WaterPrimitives ghost, int lo, int hi)
    {
        for (int x = lo; x <= hi; x += Lanes)
        {
            if (kind == WaterBoundary.Wall)
            {
                Store(-Load(inside.Eta, x), ghost.Eta, x);
                Store(-Load(inside.H, x), ghost.H, x);
                Store(-Load(inside.U, x), ghost.U, x);
                Store(Load(inside.V, x), ghost.V, x);
            }
            else
            {
                Store(Vector<float>.Zero, ghost.Eta, x);
                Store(Vector<float>.Zero, ghost.H, x);
                Store(Vector<float>.Zero, ghost.U, x);
                Store(Vector<float>.Zero, ghost.V, x);
            }
        }
        return ghost;
    }

    /// <summary>Row y, cells lo..hi: horizontal slopes and faces, then each cell's update from its four faces.</summary>
    private void SweepRow(int y, int lo, int hi, Band band, ref Vector<float> maxAx, ref Vector<float> maxAy, ref Vector<int> bad)
    {
        WaterState s = _in;
        int w = _width;
        int row = y * w;

        // The row's primitives for cells lo-2..hi+2 at index x + 1, the west and east ghosts at 0 and w + 1.
        WaterPrimitives p = band.Row;
        int from = Math.Max(0, lo - 2);
        int count = Math.Min(w - 1, hi + 2) - from + 1;
        Array.Copy(s.Eta, row + from, p.Eta, from + 1, count);
        Array.Copy(s.H, row + from, p.H, from + 1, count);
        Array.Copy(s.U, row + from, p.U, from + 1, count);
        Array.Copy(s.V, row + from, p.V, from + 1, count);
        if (lo < 2)
        {
            (p.Eta[0], p.H[0], p.U[0], p.V[0]) = (_west.Ghost.Eta[y], _west.Ghost.H[y], _west.Ghost.U[y], _west.Ghost.V[y]);
        }
        if (hi + 2 >= w)
        {
            (p.Eta[w + 1], p.H[w + 1], p.U[w + 1], p.V[w + 1]) = (_east.Ghost.Eta[y], _east.Ghost.H[y], _east.Ghost.U[y], _east.Ghost.V[y]);
        }

        // Horizontal slopes of cells lo-1..hi+1 (same indexing), then of the ghosts.
        WaterPrimitives sx = band.SlopesX;
        int last = Math.Min(hi + 1, w - 1);
        for (int i = Math.Max(lo - 1, 0) + 1; i <= last + 1; i += Lanes)
        {
            Store(Slope(p.Eta, p.Eta, p.Eta, i, i - 1, i + 1), sx.Eta, i);
            Store(Slope(p.H, p.H, p.H, i, i - 1, i + 1), sx.H, i);
            Store(Slope(p.U, p.U, p.U, i, i - 1, i + 1), sx.U, i);
            Store(Slope(p.V, p.V, p.V, i, i - 1, i + 1), sx.V, i);
        }
        if (lo == 0)
        {
            GhostSlope(_west.Kind, sx, 0, 1);
        }
        if (hi == w - 1)
        {
            GhostSlope(_east.Kind, sx, w + 1, w);
        }

        // Vertical faces lo..hi+1; face f lies between cells f-1 and f, at indices f and f+1.
        var half = new Vector<float>(0.5f);
        Faces fx = band.FacesX;
        for (int f = lo; f <= hi + 1; f += Lanes)
        {
            WaterFlux.Riemann(
                Load(p.Eta, f) + (half * Load(sx.Eta, f)), Load(p.H, f) + (half * Load(sx.H, f)),
                Load(p.U, f) + (half * Load(sx.U, f)), Load(p.V, f) + (half * Load(sx.V, f)),
                Load(p.Eta, f + 1) - (half * Load(sx.Eta, f + 1)), Load(p.H, f + 1) - (half * Load(sx.H, f + 1)),
                Load(p.U, f + 1) - (half * Load(sx.U, f + 1)), Load(p.V, f + 1) - (half * Load(sx.V, f + 1)),
                out var mass, out var tangential, out var west, out var east);
            Store(mass, fx.Mass, f);
            Store(tangential, fx.Tangential, f);
            Store(west, fx.Before, f);
            Store(east, fx.After, f);
        }

        // The cells.
        var g = new Vector<float>(WaterFlux.G);
        var k = new Vector<float>(_dt / _cellSize);
        var dt = new Vector<float>(_dt);
        var tiny = new Vector<float>(TinyDepth);
        Faces south = band.South;
        Faces north = band.North;
        WaterPrimitives sy = band.Cur;
        WaterState o = _out;
        int wetLo = w;
        int wetHi = -1;
        for (int x = lo; x <= hi; x += Lanes)
        {
            int c = row + x;
            var depth = Load(p.H, x + 1);
            var dH = (Load(fx.Mass, x) - Load(fx.Mass, x + 1)) + (Load(south.Mass, x) - Load(north.Mass, x));
            var dHu = (Load(fx.After, x) - Load(fx.Before, x + 1)) + (Load(south.Tangential, x) - Load(north.Tangential, x)) - (g * depth * Load(sx.Eta, x + 1));
            var dHv = (Load(fx.Tangential, x) - Load(fx.Tangential, x + 1)) + (Load(south.After, x) - Load(north.Before, x)) - (g * depth * Load(sy.Eta, x));
            var h = depth + (k * dH);
            var hu = Load(s.Hu, c) + (k * dHu);
            var hv = Load(s.Hv, c) + (k * dHv);
            if (_final)
            {
                h = half * (Load(o.H, c) + h);
                hu = half * (Load(o.Hu, c) + hu);
                hv = half * (Load(o.Hv, c) + hv);
            }
            var wet = Vector.GreaterThan(h, tiny);
            h = Vector.ConditionalSelect(wet, h, Vector<float>.Zero);
            hu = Vector.ConditionalSelect(wet, hu, Vector<float>.Zero);
            hv = Vector.ConditionalSelect(wet, hv, Vector<float>.Zero);
            var u = WaterFlux.Velocity(hu, h);
            var v = WaterFlux.Velocity(hv, h);
            if (_final)
            {
                // Manning, semi-implicit: dividing by a factor above 1 slows the flow but can never reverse it.
                var speed = Vector.SquareRoot((u * u) + (v * v));
                var deep = Vector.Max(h, tiny);
                var factor = Vector<float>.One / (Vector<float>.One + (dt * Load(_friction, c) * speed / (deep * WaterFlux.Cbrt(deep))));
                hu *= factor;
                hv *= factor;
                u = WaterFlux.Velocity(hu, h);
                v = WaterFlux.Velocity(hv, h);
            }

            int valid = Math.Min(Lanes, w - x);
            Store(h, o.H, c, valid);
            Store(hu, o.Hu, c, valid);
            Store(hv, o.Hv, c, valid);
            Store(h + Load(_bed, c), o.Eta, c, valid);
            Store(u, o.U, c, valid);
            Store(v, o.V, c, valid);

            var inGrid = Vector.LessThan(_laneIndex, new Vector<int>(valid));
            var celerity = Vector.SquareRoot(g * h);
            var counted = wet & inGrid;
            maxAx = Vector.Max(maxAx, Vector.ConditionalSelect(counted, Vector.Abs(u) + celerity, Vector<float>.Zero));
            maxAy = Vector.Max(maxAy, Vector.ConditionalSelect(counted, Vector.Abs(v) + celerity, Vector<float>.Zero));
            bad |= inGrid & ~(Vector.Equals(h, h) & Vector.Equals(hu, hu) & Vector.Equals(hv, hv));
            if (!Vector.EqualsAll(counted, Vector<int>.Zero))
            {
                for (int i = 0; i < valid; i++)
                {
                    if (counted[i] != 0)
                    {
                        wetLo = Math.Min(wetLo, x + i);
                        wetHi = x + i;
                    }
                }
            }
        }
        o.WetLo[y] = wetLo;
        o.WetHi[y] = wetHi;
    }

    /// <summary>The slopes of a west or east ghost (at index g), from those of the boundary cell (at index c): mirrored for a wall, zero otherwise.</summary>
    private static void GhostSlope(WaterBoundary kind, WaterPrimitives slopes, int g, int c)
    {
        bool wall = kind == WaterBoundary.Wall;
        slopes.Eta[g] = wall ? -slopes.Eta[c] : 0;
        slopes.H[g] = wall ? -slopes.H[c] : 0;
        slopes.U[g] = wall ? slopes.U[c] : 0;
        slopes.V[g] = wall ? -slopes.V[c] : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Load(float[] array, int index)
    {
        Debug.Assert((uint)index <= (uint)(array.Length - Lanes));
        return Vector.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(array), (nuint)index);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<float> value, float[] array, int index)
    {
        Debug.Assert((uint)index <= (uint)(array.Length - Lanes));
        value.StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(array), (nuint)index);
    }

    /// <summary>Stores the first <paramref name="count"/> lanes: the last vector of a row must not spill into the next.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<float> value, float[] array, int index, int count)
    {
        if (count == Lanes)
        {
            Store(value, array, index);
            return;
        }
        for (int i = 0; i < count; i++)
        {
            array[index + i] = value[i];
        }
    }

    /// <summary>Fluxes through a row of faces; Before and After are the normal momentum flux as the cell before (west or south) and after the face sees it.</summary>
    private sealed class Faces(int length)
    {
        public float[] Mass { get; } = new float[length];

        public float[] Tangential { get; } = new float[length];

        public float[] Before { get; } = new float[length];

        public float[] After { get; } = new float[length];
    }

    /// <summary>A fixed band of rows and its scratch rows.</summary>
    private sealed class Band(int first, int end, int width)
    {
        public int First { get; } = first;

        public int End { get; } = end;

        public WaterPrimitives Row { get; } = new(width + 2 + (2 * Lanes));

        public WaterPrimitives SlopesX { get; } = new(width + 2 + (2 * Lanes));

        public Faces FacesX { get; } = new(width + 2 + (2 * Lanes));

        public WaterPrimitives Cur { get; set; } = new(width + 2 + (2 * Lanes));

        public WaterPrimitives Next { get; set; } = new(width + 2 + (2 * Lanes));

        public WaterPrimitives Ghost { get; } = new(width + 2 + (2 * Lanes));

        public Faces South { get; set; } = new(width + 2 + (2 * Lanes));

        public Faces North { get; set; } = new(width + 2 + (2 * Lanes));

        public Vector<float> MaxAx { get; set; }

        public Vector<float> MaxAy { get; set; }

        public Vector<int> Bad { get; set; }
    }
}
