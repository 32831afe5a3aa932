using System.Numerics;
using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Simulation.Hazards.Water;

/// <summary>
/// Floods and tsunamis: the 2-D shallow-water equations with bed slope and Manning friction on a regular grid of
/// square cells, in float. Cell (x, y) is at index y * Width + x, x east and y north, as in the terrain grid.
/// <para>
/// The scheme is explicit finite volumes, well balanced and second order: MUSCL reconstruction (monotonised central
/// limiter) of surface level, depth and velocities, HLL fluxes with the hydrostatic reconstruction of Audusse et al.
/// (2004, SIAM J. Sci. Comput. 25(6)), so a lake at rest stays at rest over any bed and depth never goes negative,
/// and Heun's SSP-RK2 in time. Friction is applied semi-implicitly after each step. <see cref="Advance"/> takes as
/// many sub-steps as the Courant condition needs; dry land costs nothing; the result is bit-identical for any
/// number of workers.
/// </para>
/// </summary>
public sealed class ShallowWaterSolver : IEvolvingState
{
    public const float Gravity = 9.81f;

    /// <summary>
    /// dt (max(|u| + c) / dx + max(|v| + c) / dx) per sub-step. Below 1/2, each forward-Euler stage of the MUSCL
    /// scheme keeps depth non-negative (the outflow through a cell's faces cannot exceed what it holds).
    /// </summary>
    public const float Courant = 0.45f;

    /// <summary>Depth (m) below which velocities are damped to stay bounded as a cell dries.</summary>
    public const float ThinDepth = 1e-3f;

    /// <summary>More sub-steps than this in one Advance means the water has blown up.</summary>
    private const int MaxSubSteps = 100_000;

    [NotState("from the site")]
    private readonly float[] _bed;
    [NotState("from the site")]
    private readonly float[] _manning;
    private readonly WaterState _state;
    [NotState("the first stage's result, written before it is read")]
    private readonly WaterState _stage;
    private readonly WaterSide _west;
    private readonly WaterSide _east;
    private readonly WaterSide _south;
    private readonly WaterSide _north;
    [NotState("the four sides, each walked")]
    private readonly WaterSide[] _sides;
    private readonly WaveMaker _waves = new();
    private readonly WaterKernel _kernel;
    private float _maxAx;
    private float _maxAy;
    private bool _stale = true;
    private float _stillLevel;

    /// <param name="width">Cells west to east.</param>
    /// <param name="height">Cells south to north.</param>
    /// <param name="cellSize">Cell side (m).</param>
    /// <param name="bed">Bed elevation (m) per cell; copied.</param>
    /// <param name="manning">Manning's n (s m^-1/3) per cell, 0 for a frictionless bed; copied.</param>
    /// <param name="workers">How many threads a step may use; results do not depend on it.</param>
    public ShallowWaterSolver(int width, int height, float cellSize, ReadOnlySpan<float> bed, ReadOnlySpan<float> manning, int workers)
    {
        if (width < 1 || height < 1 || (long)width * height > 1 << 26)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A water grid must have 1 to 2^26 cells; got {width} x {height}.");
        }
        if (!(cellSize > 0 && float.IsFinite(cellSize)))
        {
            throw new ArgumentOutOfRangeException(nameof(cellSize), cellSize, "Cell size must be positive.");
        }
        if (bed.Length != width * height || manning.Length != width * height)
        {
            throw new ArgumentException($"Bed and Manning arrays must have {width * height} cells; got {bed.Length} and {manning.Length}.", nameof(bed));
        }
        if (workers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(workers), workers, "At least one worker is needed.");
        }
        foreach (float z in bed)
        {
            if (!float.IsFinite(z))
            {
                throw new ArgumentException("Bed elevations must be finite.", nameof(bed));
            }
        }
        int cells = width * height;
        var friction = new float[cells + WaterKernel.Padding];
        for (int i = 0; i < cells; i++)
        {
            float n = manning[i];
            if (!(n >= 0 && n < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(manning), n, $"Manning's n of cell {i} must be in [0, 1).");
            }
            friction[i] = Gravity * n * n;
        }
        Width = width;
        Height = height;
        CellSize = cellSize;
        Workers = workers;
        _bed = new float[cells + WaterKernel.Padding];
        bed.CopyTo(_bed);
        _manning = manning.ToArray();
        _state = new WaterState(width, height, _bed);
        _stage = new WaterState(width, height, _bed);
        _west = new WaterSide(0, width, -1, 0, 0, 0.5f * cellSize, 0, cellSize, height);
        _east = new WaterSide(width - 1, width, 1, 0, width * cellSize, 0.5f * cellSize, 0, cellSize, height);
        _south = new WaterSide(0, 1, 0, -1, 0.5f * cellSize, 0, cellSize, 0, width);
        _north = new WaterSide((height - 1) * width, 1, 0, 1, 0.5f * cellSize, height * cellSize, cellSize, 0, width);
        _sides = [_west, _east, _south, _north];
        _kernel = new WaterKernel(width, height, cellSize, _bed, friction, _west, _east, _south, _north, _state, workers);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Cell side (m).</summary>
    public float CellSize { get; }

    public int Workers { get; }

    public WaterBoundary West { get => _west.Kind; set => _west.Kind = value; }

    public WaterBoundary East { get => _east.Kind; set => _east.Kind = value; }

    public WaterBoundary South { get => _south.Kind; set => _south.Kind = value; }

    public WaterBoundary North { get => _north.Kind; set => _north.Kind = value; }

    /// <summary>The level of the sea at rest beyond <see cref="WaterBoundary.Inflow"/> sides (m); wave trains ride on it.</summary>
    public float StillLevel { get => _stillLevel; set => _stillLevel = value; }

    /// <summary>Bed elevation (m) per cell.</summary>
    public ReadOnlySpan<float> Bed => _bed.AsSpan(0, Width * Height);

    /// <summary>Manning's n per cell.</summary>
    public ReadOnlySpan<float> Manning => _manning;

    /// <summary>Water depth h (m) per cell.</summary>
    public ReadOnlySpan<float> Depth => _state.H.AsSpan(0, Width * Height);

    /// <summary>Discharge hu (m^2/s, eastward) per cell.</summary>
    public ReadOnlySpan<float> DischargeX => _state.Hu.AsSpan(0, Width * Height);

    /// <summary>Discharge hv (m^2/s, northward) per cell.</summary>
    public ReadOnlySpan<float> DischargeY => _state.Hv.AsSpan(0, Width * Height);

    /// <summary>Water speed |u| (m/s) in a cell, 0 where dry; bounded in films thinner than <see cref="ThinDepth"/>.</summary>
    public float Speed(int cell)
    {
        CheckCell(cell);
        float h = _state.H[cell];
        if (!(h > 0))
        {
            return 0;
        }
        // The step leaves each cell's velocities (WaterFlux.Velocity of its discharges) beside them; after
        // the water was set from outside they are worked out here, since readers may run in parallel.
        float u = _stale ? WaterFlux.Velocity(_state.Hu[cell], h) : _state.U[cell];
        float v = _stale ? WaterFlux.Velocity(_state.Hv[cell], h) : _state.V[cell];
        return MathF.Sqrt((u * u) + (v * v));
    }

    /// <summary>
    /// The first and last column of a row that hold water (empty when First > Last); every other cell of the row
    /// is dry. After the water was set from outside this brings the solver's own arrays up to date, so call it
    /// from one thread (the tick's).
    /// </summary>
    public (int First, int Last) WetSpan(int row)
    {
        if ((uint)row >= (uint)Height)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"The grid has {Height} rows.");
        }
        if (_stale)
        {
            Refresh();
        }
        return (_state.WetLo[row], _state.WetHi[row]);
    }

    /// <summary>Water volume (m^3), summed in double in cell order.</summary>
    public double Volume()
    {
        double sum = 0;
        foreach (float h in Depth)
        {
            sum += h;
        }
        return sum * CellSize * CellSize;
    }

    /// <summary>Raises the water to <paramref name="level"/>, at rest, in every cell whose surface is below it (the sea at rest; also fills hollows below it).</summary>
    public void FillTo(float level)
    {
        if (!float.IsFinite(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The level must be finite.");
        }
        for (int i = 0; i < Width * Height; i++)
        {
            if (_bed[i] + _state.H[i] < level)
            {
                _state.H[i] = level - _bed[i];
                _state.Hu[i] = 0;
                _state.Hv[i] = 0;
            }
        }
        _stale = true;
    }

    /// <summary>
    /// Adds a smooth hump (or with negative height a trough) to the surface of wet cells: a cosine bell of the given
    /// height (m) at a centre (m from the south-west corner) falling to 0 at the radius (m). Water at rest stays at rest;
    /// a trough deeper than the water leaves the cell dry.
    /// </summary>
    public void AddDisplacement(Vector2 centre, float radius, float height)
    {
        if (!(radius > 0) || !float.IsFinite(radius) || !float.IsFinite(height) || !float.IsFinite(centre.X) || !float.IsFinite(centre.Y))
        {
            throw new ArgumentOutOfRangeException(nameof(radius), "A displacement needs a finite centre and height and a positive radius.");
        }
        int x0 = Math.Max(0, (int)MathF.Floor((centre.X - radius) / CellSize));
        int x1 = Math.Min(Width - 1, (int)MathF.Floor((centre.X + radius) / CellSize));
        int y0 = Math.Max(0, (int)MathF.Floor((centre.Y - radius) / CellSize));
        int y1 = Math.Min(Height - 1, (int)MathF.Floor((centre.Y + radius) / CellSize));
        for (int y = y0; y <= y1; y++)
        {
            for (int x = x0; x <= x1; x++)
            {
                int i = (y * Width) + x;
                float r = Vector2.Distance(new Vector2((x + 0.5f) * CellSize, (y + 0.5f) * CellSize), centre);
                if (_state.H[i] > 0 && r < radius)
                {
                    float bell = 0.5f * (1 + DeterministicMath.Cos(DeterministicMath.Pi * r / radius));
                    _state.H[i] = MathF.Max(0, _state.H[i] + (height * bell));
                    if (_state.H[i] == 0)
                    {
                        _state.Hu[i] = _state.Hv[i] = 0;
                    }
                }
            }
        }
        _stale = true;
    }

    /// <summary>Sets one cell's depth (m) and discharge (m^2/s): initial conditions such as a dam break or a moving wave.</summary>
    public void SetWater(int cell, float depth, Vector2 discharge)
    {
        if (!(depth >= 0) || !float.IsFinite(depth) || !float.IsFinite(discharge.X) || !float.IsFinite(discharge.Y))
        {
            throw new ArgumentOutOfRangeException(nameof(depth), "Depth must be finite and non-negative, and discharge finite.");
        }
        CheckCell(cell);
        _state.H[cell] = depth;
        (_state.Hu[cell], _state.Hv[cell]) = depth > 0 ? (discharge.X, discharge.Y) : (0, 0);
        _stale = true;
    }

    /// <summary>
    /// Advances the water by exactly <paramref name="dt"/> seconds in as many equal sub-steps as the Courant condition
    /// needs (re-checked after each), and returns how many it took. <paramref name="time"/> is the simulated time at
    /// the start, which sets the phase of the wave trains. Throws <see cref="InvalidOperationException"/> if the
    /// solution has blown up (NaN or absurd wave speeds), which would be a bug, not bad input.
    /// </summary>
    public int Advance(float dt, float time, ReadOnlySpan<WaveTrain> waves)
    {
        if (!(dt >= 0) || !float.IsFinite(dt) || !float.IsFinite(time))
        {
            throw new ArgumentOutOfRangeException(nameof(dt), dt, "The step must be finite and non-negative, at a finite time.");
        }
        foreach (WaveTrain wave in waves)
        {
            if (!(wave.Height >= 0 && float.IsFinite(wave.Height) && wave.Period > 0 && float.IsFinite(wave.Period)
                && float.IsFinite(wave.Direction) && float.IsFinite(wave.StartTime)))
            {
                throw new ArgumentOutOfRangeException(nameof(waves), wave, "A wave train needs a finite height >= 0, a positive period, and a finite direction and start.");
            }
        }
        if (dt == 0)
        {
            return 0;
        }
        if (_stale)
        {
            Refresh();
        }
        float referenceDepth = 0;
        foreach (WaterSide side in _sides)
        {
            if (side.Kind == WaterBoundary.Inflow)
            {
                referenceDepth = MathF.Max(referenceDepth, side.MaxStillDepth(_bed, StillLevel));
            }
        }
        _waves.Prepare(waves, referenceDepth, Width * CellSize, Height * CellSize);

        double elapsed = 0;
        int steps = 0;
        while (true)
        {
            float now = time + (float)elapsed;
            float ax = _maxAx;
            float ay = _maxAy;
            foreach (WaterSide side in _sides)
            {
                side.Update(_state, _bed, StillLevel, _waves, now);
                ax = MathF.Max(ax, side.MaxAx);
                ay = MathF.Max(ay, side.MaxAy);
            }
            float remaining = (float)(dt - elapsed);
            float limit = Courant * CellSize / (ax + ay);
            if (!float.IsFinite(ax + ay) || remaining > MaxSubSteps * limit)
            {
                throw new InvalidOperationException($"The water became unstable after {elapsed:F3} s of this step (wave speed {ax + ay} m/s).");
            }
            int parts = limit >= remaining ? 1 : (int)MathF.Ceiling(remaining / limit);
            float step = parts == 1 ? remaining : remaining / parts;

            _kernel.Stage(_state, _stage, step, final: false);
            foreach (WaterSide side in _sides)
            {
                side.Update(_stage, _bed, StillLevel, _waves, now + step);
            }
            _kernel.Stage(_stage, _state, step, final: true);
            _maxAx = _kernel.MaxAx;
            _maxAy = _kernel.MaxAy;
            steps++;
            if (parts == 1)
            {
                if (!float.IsFinite(_maxAx + _maxAy))
                {
                    throw new InvalidOperationException($"The water became unstable in the last sub-step of this step (wave speed {_maxAx + _maxAy} m/s).");
                }
                return steps;
            }
            elapsed += step;
        }
    }

    /// <summary>The state arrays run on past the last cell (padding for vector reads): indices there must be refused.</summary>
    private void CheckCell(int cell)
    {
        if ((uint)cell >= (uint)(Width * Height))
        {
            throw new ArgumentOutOfRangeException(nameof(cell), cell, $"The grid has {Width * Height} cells.");
        }
    }

    /// <summary>Recomputes surface levels, velocities, wet spans and wave speeds after the water was set from outside.</summary>
    private void Refresh()
    {
        float ax = 0;
        float ay = 0;
        for (int y = 0; y < Height; y++)
        {
            int wetLo = Width;
            int wetHi = -1;
            for (int x = 0; x < Width; x++)
            {
                int i = (y * Width) + x;
                float h = _state.H[i];
                _state.Eta[i] = h + _bed[i];
                float u = h > 0 ? WaterFlux.Velocity(_state.Hu[i], h) : 0;
                float v = h > 0 ? WaterFlux.Velocity(_state.Hv[i], h) : 0;
                _state.U[i] = u;
                _state.V[i] = v;
                if (h > 0)
                {
                    float celerity = MathF.Sqrt(Gravity * h);
                    ax = MathF.Max(ax, MathF.Abs(u) + celerity);
                    ay = MathF.Max(ay, MathF.Abs(v) + celerity);
                    wetLo = Math.Min(wetLo, x);
                    wetHi = x;
                }
            }
            _state.WetLo[y] = wetLo;
            _state.WetHi[y] = wetHi;
        }
        _maxAx = ax;
        _maxAy = ay;
        _stale = false;
    }

    /// <summary>The water, the sea level and the sides, and what the next step reads of the last one (wave speeds); the bed and friction come from the site.</summary>
    public void Walk(StateWalk walk)
    {
        walk.Part(_state);
        walk.Value(ref _stillLevel);
        foreach (var side in _sides)
        {
            walk.Part(side);
        }
        walk.Derived(w =>
        {
            w.Value(ref _maxAx);
            w.Value(ref _maxAy);
            w.Value(ref _stale);
        });
    }
}
