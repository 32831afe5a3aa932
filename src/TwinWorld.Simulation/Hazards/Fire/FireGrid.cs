using System.Numerics;
using System.Runtime.InteropServices;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Simulation.Hazards.Fire;

/// <summary>
/// Surface fire spreading over terrain cells, by minimum travel time: an event-driven Dijkstra in which a
/// cell, when the fire reaches it, works out when the fire would reach each cell of its 32-direction
/// <see cref="SpreadStencil"/> along the straight segment between them, from the elliptical rate of
/// <see cref="SurfaceFire"/> in that direction, averaged as slowness over the cells the segment crosses,
/// with the wind blowing when it does so. Every crossed cell must be burnable and not blocked, so a one-cell
/// road, river or flooded street stops the fire. Cells burn for their fuel's residence time, then burn out.
/// Only the front does work: an <see cref="Advance"/> pops the events due by then and nothing else.
/// Events are ordered by (time, cell index), so equal runs are equal to the bit. Each cell belongs to the
/// fire that reached it first (the number its ignition was given), so one fire can be put out alone.
/// </summary>
public sealed class FireGrid : IEvolvingState
{
    private static readonly SpreadStencil Stencil = SpreadStencil.Create();

    private readonly TerrainGrid _terrain;
    private readonly int _width;
    [NotState("from the site")]
    private readonly byte[] _fuel;
    [NotState("from the site")]
    private readonly SurfaceFire?[] _fires = new SurfaceFire?[FuelModel.Count + 1];
    [NotState("from the site")]
    private readonly Vector2[] _slope;
    private readonly FireState[] _state;
    private readonly float[] _arrival;
    private readonly float[] _intensity;
    private readonly int[] _fire;
    private readonly EventQueue _ignitions = new();
    private readonly EventQueue _burnouts = new();
    [NotState("from the grid's width")]
    private readonly int[] _crossOffset;

    // Set when a fire is put out: the cells it had claimed are free again, and the other fires' burning
    // cells, whose offers to them lost to it, offer again at the next Advance.
    private bool _respread;

    private float _time;
    private int _burning;
    private int _burned;

    // Every cell the fire has reached or is due to reach.
    private CellBox _bounds = CellBox.Empty;

    // Spread of each cell under this Advance's wind, worked out when first needed: the wind is one field
    // for the whole Advance, so a cell's spread is the same for every neighbour that asks. Keyed by
    // pass, so a fresh cache is equivalent: not state.
    [NotState("a cache keyed by pass")]
    private readonly int[] _spreadPass;
    [NotState("a cache keyed by pass")]
    private readonly float[] _headSlowness;
    [NotState("a cache keyed by pass")]
    private readonly float[] _flankSlowness;
    [NotState("a cache keyed by pass")]
    private readonly Vector2[] _head;
    [NotState("a cache keyed by pass")]
    private int _pass;

    public FireGrid(TerrainGrid terrain, FuelMoisture moisture)
    {
        moisture.Validate();
        _terrain = terrain;
        _width = terrain.Width;
        int n = terrain.CellCount;
        _fuel = (byte[])terrain.Fuel.Clone();
        _state = new FireState[n];
        _arrival = new float[n];
        _intensity = new float[n];
        _fire = new int[n];
        _slope = new Vector2[n];
        _spreadPass = new int[n];
        _headSlowness = new float[n];
        _flankSlowness = new float[n];
        _head = new Vector2[n];
        Array.Fill(_arrival, float.PositiveInfinity);
        for (int i = 0; i < n; i++)
        {
            int model = _fuel[i];
            if (model > FuelModel.Count)
            {
                throw new ArgumentException($"Cell {i} has fuel model {model}; standard fuel models are 1 to {FuelModel.Count}, 0 for none.", nameof(terrain));
            }
            if (model == 0)
            {
                continue;
            }
            _state[i] = FireState.Unburned;
            _fires[model] ??= new SurfaceFire(FuelModel.Get(model), moisture);
        }
        ComputeSlopes();
        _crossOffset = new int[Stencil.CrossDx.Length];
        for (int j = 0; j < _crossOffset.Length; j++)
        {
            _crossOffset[j] = (Stencil.CrossDy[j] * _width) + Stencil.CrossDx[j];
        }
    }

    /// <summary>The time the fire has been advanced to (s).</summary>
    public float Time => _time;

    public int BurningCells => _burning;

    /// <summary>Cells that have caught fire: burning plus burned out.</summary>
    public int BurnedCells => _burned;

    /// <summary>Every cell the fire has reached or is due to reach lies within [MinX, MaxX] x [MinY, MaxY]; empty when MinX > MaxX.</summary>
    public int MinX => _bounds.MinX;

    public int MaxX => _bounds.MaxX;

    public int MinY => _bounds.MinY;

    public int MaxY => _bounds.MaxY;

    public FireState State(int cell) => _state[cell];

    /// <summary>When the fire reached the cell (s), or +infinity if it has not.</summary>
    public float ArrivalTime(int cell) => _state[cell] is FireState.Burning or FireState.BurnedOut ? _arrival[cell] : float.PositiveInfinity;

    /// <summary>Byram's fireline intensity of the front as it entered the cell (kW/m); 0 if the fire has not reached it.</summary>
    public float Intensity(int cell) => _state[cell] is FireState.Burning or FireState.BurnedOut ? _intensity[cell] : 0;

    /// <summary>The spread model for a fuel model present on this terrain, or null if none of it is.</summary>
    public SurfaceFire? Behaviour(int fuelModel) => _fires[fuelModel];

    /// <summary>
    /// Sets fire, at the given time (s), to every burnable cell whose centre lies in the disc, and to the cell
    /// containing its centre; the cells it reaches from there belong to <paramref name="fire"/> (any number
    /// naming it for <see cref="Extinguish"/>).
    /// </summary>
    public void Ignite(Vector2 at, float radius, float time, int fire = 0)
    {
        if (!(time >= 0) || float.IsPositiveInfinity(time))
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "Ignition time must be a finite number of seconds >= 0.");
        }
        if (!float.IsFinite(at.X) || !float.IsFinite(at.Y))
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, "Ignition point must be finite.");
        }
        if (!(radius >= 0) || float.IsPositiveInfinity(radius))
        {
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "Ignition radius must be a finite number of metres >= 0.");
        }
        foreach (int cell in CellsWithin(at, radius))
        {
            IgniteCell(cell, time, fire);
        }
    }

    /// <summary>Whether anything burns in the disc an ignition at <paramref name="at"/> with <paramref name="radius"/> would set alight.</summary>
    public bool HasFuelWithin(Vector2 at, float radius) => CellsWithin(at, radius).Any(cell => _fires[_fuel[cell]] is not null);

    /// <summary>Whether a fire (by the number it was lit with) still burns or has cells about to catch.</summary>
    public bool IsBurning(int fire)
    {
        foreach (ulong key in _burnouts.Items)
        {
            if (_fire[EventQueue.CellOf(key)] == fire)
            {
                return true;
            }
        }
        foreach (ulong key in _ignitions.Items)
        {
            int cell = EventQueue.CellOf(key);
            if (_fire[cell] == fire && _state[cell] == FireState.Unburned && float.IsFinite(_arrival[cell]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The cells whose centres lie in a disc, and the cell under its centre.</summary>
    private IEnumerable<int> CellsWithin(Vector2 at, float radius)
    {
        float cs = _terrain.CellSize;
        int x0 = (int)Math.Clamp(MathF.Floor((at.X - radius) / cs), 0, _terrain.Width - 1);
        int x1 = (int)Math.Clamp(MathF.Floor((at.X + radius) / cs), 0, _terrain.Width - 1);
        int y0 = (int)Math.Clamp(MathF.Floor((at.Y - radius) / cs), 0, _terrain.Height - 1);
        int y1 = (int)Math.Clamp(MathF.Floor((at.Y + radius) / cs), 0, _terrain.Height - 1);
        for (int y = y0; y <= y1; y++)
        {
            for (int x = x0; x <= x1; x++)
            {
                int cell = _terrain.Index(x, y);
                if (Vector2.DistanceSquared(_terrain.CellCentre(cell), at) <= radius * radius)
                {
                    yield return cell;
                }
            }
        }
        int centre = _terrain.IndexAt(at);
        if (centre >= 0)
        {
            yield return centre;
        }
    }

    /// <summary>
    /// Runs the fire up to <paramref name="now"/> (s). <paramref name="windAt"/> gives the open (20-ft)
    /// wind at a point, m/s in the direction the air moves; <paramref name="blocked"/> marks cells that
    /// cannot burn for now (flooded, say): they neither catch fire nor let it pass.
    /// </summary>
    public void Advance(float now, Func<Vector2, Vector2> windAt, Func<int, bool> blocked)
    {
        if (!(now >= Time))
        {
            throw new ArgumentOutOfRangeException(nameof(now), now, $"The fire is already at {Time} s; time cannot go back.");
        }
        _pass++;
        if (_respread)
        {
            _respread = false;
            foreach (ulong key in _burnouts.Items)
            {
                int burning = EventQueue.CellOf(key);
                Relax(burning, _arrival[burning], windAt, blocked);
            }
        }
        while (_ignitions.TryPeek(out float t, out int cell) && t <= now)
        {
            _ignitions.Pop();
            if (_state[cell] != FireState.Unburned || _arrival[cell] != t)
            {
                continue; // superseded by an earlier arrival
            }
            if (blocked(cell))
            {
                _arrival[cell] = float.PositiveInfinity;
                continue;
            }
            _state[cell] = FireState.Burning;
            _burning++;
            _burned++;
            _burnouts.Push(t + _fires[_fuel[cell]]!.ResidenceTime, cell);
            Relax(cell, t, windAt, blocked);
        }
        while (_burnouts.TryPeek(out float t, out int cell) && t <= now)
        {
            _burnouts.Pop();
            _state[cell] = FireState.BurnedOut;
            _burning--;
        }
        _time = now;
    }

    /// <summary>
    /// Puts out one fire, named by the number it was ignited with: its burning cells burn out and the spread it
    /// had on the way does not happen. Other fires go on: at the next <see cref="Advance"/> their burning cells
    /// offer again to the cells it had claimed, so they may yet burn what it would have.
    /// </summary>
    public void Extinguish(int fire)
    {
        _burnouts.RemoveWhere(cell =>
        {
            if (_fire[cell] != fire)
            {
                return false;
            }
            _state[cell] = FireState.BurnedOut;
            _burning--;
            return true;
        });
        _ignitions.RemoveWhere(cell =>
        {
            if (_fire[cell] != fire)
            {
                return false;
            }
            if (_state[cell] == FireState.Unburned)
            {
                _arrival[cell] = float.PositiveInfinity;
                _intensity[cell] = 0;
            }
            return true;
        });
        _respread = true;
    }

    private void IgniteCell(int cell, float time, int fire)
    {
        SurfaceFire? behaviour = _fires[_fuel[cell]];
        if (behaviour is not null)
        {
            Schedule(cell, time, behaviour.HeatPerUnitArea * behaviour.NoWindNoSlopeRate, fire);
        }
    }

    private void Schedule(int cell, float time, float intensity, int fire)
    {
        if (_state[cell] != FireState.Unburned || !(time < _arrival[cell]))
        {
            return;
        }
        _arrival[cell] = time;
        _intensity[cell] = intensity;
        _fire[cell] = fire;
        _ignitions.Push(time, cell);
        int x = cell % _width;
        int y = cell / _width;
        _bounds.Include(x, x, y);
    }

    // Offers each stencil neighbour the time the fire would take to reach it from this cell.
    private void Relax(int source, float time, Func<Vector2, Vector2> windAt, Func<int, bool> blocked)
    {
        SpreadStencil s = Stencil;
        int sx = source % _width;
        int sy = source / _width;
        float cellSize = _terrain.CellSize;
        for (int k = 0; k < s.Count; k++)
        {
            int tx = sx + s.Dx[k];
            int ty = sy + s.Dy[k];
            if (!_terrain.Contains(tx, ty))
            {
                continue;
            }
            int target = source + (s.Dy[k] * _width) + s.Dx[k];
            if (_state[target] != FireState.Unburned)
            {
                continue;
            }
            Vector2 direction = s.Direction[k];
            float slowness = 0; // s/m, averaged along the segment
            bool open = true;
            for (int j = s.CrossStart[k]; j < s.CrossStart[k + 1]; j++)
            {
                int cell = source + _crossOffset[j];
                if (_state[cell] == FireState.Unburnable || blocked(cell))
                {
                    open = false;
                    break;
                }
                float fraction = s.CrossFraction[j];
                if (fraction > 0)
                {
                    EnsureSpread(cell, windAt);
                    slowness += fraction * (_headSlowness[cell] + (_flankSlowness[cell] * (1 - Vector2.Dot(direction, _head[cell]))));
                }
            }
            if (!open)
            {
                continue;
            }
            float distance = s.Length[k] * cellSize;
            float travel = distance * slowness;
            SurfaceFire fire = _fires[_fuel[target]]!;
            Schedule(target, time + travel, fire.HeatPerUnitArea * distance / travel, _fire[source]);
        }
    }

    // Slowness (s/m) towards a unit direction d is the reciprocal of the ellipse's rate, (1 - e d.h) / (R_head (1 - e)),
    // kept as 1 / R_head + e / (R_head (1 - e)) * (1 - d.h), which stays exact for long ellipses whose e rounds to 1.
    private void EnsureSpread(int cell, Func<Vector2, Vector2> windAt)
    {
        if (_spreadPass[cell] == _pass)
        {
            return;
        }
        _spreadPass[cell] = _pass;
        SurfaceFire fire = _fires[_fuel[cell]]!;
        SurfaceSpread spread = fire.Spread(windAt(_terrain.CellCentre(cell)) * fire.Model.WindAdjustmentFactor, _slope[cell]);
        bool spreads = spread.HeadRate > 0;
        _headSlowness[cell] = spreads ? 1 / spread.HeadRate : float.PositiveInfinity;
        _flankSlowness[cell] = spreads ? spread.Eccentricity / (spread.HeadRate * spread.OneMinusEccentricity) : 0;
        _head[cell] = spread.HeadDirection;
    }

    // Elevation gradient per cell by central differences (one-sided at the edges): upslope, length tan(slope).
    private void ComputeSlopes()
    {
        TerrainGrid t = _terrain;
        float[] e = t.Elevation;
        for (int y = 0; y < t.Height; y++)
        {
            int yLow = Math.Max(y - 1, 0);
            int yHigh = Math.Min(y + 1, t.Height - 1);
            for (int x = 0; x < t.Width; x++)
            {
                int xLow = Math.Max(x - 1, 0);
                int xHigh = Math.Min(x + 1, t.Width - 1);
                float gx = (e[t.Index(xHigh, y)] - e[t.Index(xLow, y)]) / ((xHigh - xLow) * t.CellSize);
                float gy = (e[t.Index(x, yHigh)] - e[t.Index(x, yLow)]) / ((yHigh - yLow) * t.CellSize);
                _slope[t.Index(x, y)] = new Vector2(gx, gy);
            }
        }
    }

    /// <summary>The cells' fire and the events due; the spread cache is keyed by pass, so a fresh one is equivalent.</summary>
    public void Walk(StateWalk walk)
    {
        walk.Value(ref _time);
        walk.Value(ref _burning);
        walk.Value(ref _burned);
        walk.Value(ref _bounds);
        walk.Value(ref _respread);
        walk.Cells(_state, _width, _bounds);
        walk.Cells(_arrival, _width, _bounds);
        walk.Cells(_intensity, _width, _bounds);
        walk.Cells(_fire, _width, _bounds);
        walk.Part(_ignitions);
        walk.Part(_burnouts);
    }
}
