using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Simulation.Hazards.Water;

/// <summary>
/// The ghost cells beyond one side of the grid, rebuilt before every stage from the boundary cells: a mirror image
/// for a wall, a copy for an open side, and for an inflow side the state that lets the outgoing Riemann invariant
/// u_n + 2c of the water inside leave and brings in the incoming one u_n - 2c of the sea and its waves
/// (the characteristic boundary of e.g. Toro 2001, Shock-capturing methods for free-surface shallow flows, ch. 14).
/// </summary>
internal sealed class WaterSide : IEvolvingState
{
    private readonly int _first;
    private readonly int _stride;
    private readonly float _px;
    private readonly float _py;
    private readonly float _dx;
    private readonly float _dy;
    private readonly int _length;
    private readonly float _nx;
    private readonly float _ny;
    private WaterBoundary _kind;

    /// <param name="first">The boundary cell at position 0 along the side.</param>
    /// <param name="stride">Index step between boundary cells.</param>
    /// <param name="nx">Outward normal, x.</param>
    /// <param name="ny">Outward normal, y.</param>
    /// <param name="px">Face centre of the first boundary cell, x (m).</param>
    /// <param name="py">Face centre of the first boundary cell, y (m).</param>
    /// <param name="dx">Face centre step along the side, x (m).</param>
    /// <param name="dy">Face centre step along the side, y (m).</param>
    /// <param name="length">Cells along the side.</param>
    public WaterSide(int first, int stride, float nx, float ny, float px, float py, float dx, float dy, int length)
    {
        _first = first;
        _stride = stride;
        _nx = nx;
        _ny = ny;
        _px = px;
        _py = py;
        _dx = dx;
        _dy = dy;
        _length = length;
        Ghost = new WaterPrimitives(length + WaterKernel.Padding);
    }

    public WaterBoundary Kind { get => _kind; set => _kind = value; }

    /// <summary>The ghost beside each boundary cell, with slack for whole-vector reads.</summary>
    public WaterPrimitives Ghost { get; }


    /// <summary>After <see cref="Update"/>: the largest |u| + c and |v| + c of the ghosts, for the time step.</summary>
    [field: NotState("worked out by Update before it is read")]
    public float MaxAx { get; private set; }

    [field: NotState("worked out by Update before it is read")]
    public float MaxAy { get; private set; }

    /// <summary>After <see cref="Update"/>: the first and last position with a wet ghost (empty when lo > hi).</summary>
    [field: NotState("worked out by Update before it is read")]
    public int WetLo { get; private set; }

    [field: NotState("worked out by Update before it is read")]
    public int WetHi { get; private set; }

    private int BoundaryCell(int i) => _first + (i * _stride);

    /// <summary>The deepest still water along this side, 0 if it is all above the still level.</summary>
    public float MaxStillDepth(float[] bed, float stillLevel)
    {
        float depth = 0;
        for (int i = 0; i < _length; i++)
        {
            depth = MathF.Max(depth, stillLevel - bed[BoundaryCell(i)]);
        }
        return depth;
    }

    public void Update(WaterState s, float[] bed, float stillLevel, WaveMaker waves, float time)
    {
        bool normalIsX = _nx != 0;
        float ax = 0;
        float ay = 0;
        int wetLo = _length;
        int wetHi = -1;
        for (int i = 0; i < _length; i++)
        {
            int c = BoundaryCell(i);
            float h = s.H[c];
            float u = s.U[c];
            float v = s.V[c];
            float eta = s.Eta[c];
            float stillDepth = stillLevel - bed[c];
            if (Kind == WaterBoundary.Wall)
            {
                if (normalIsX)
                {
                    u = -u;
                }
                else
                {
                    v = -v;
                }
            }
            else if (Kind == WaterBoundary.Inflow && stillDepth > 0)
            {
                waves.Incident(_px + (i * _dx), _py + (i * _dy), _nx, _ny, time, stillDepth, out float we, out float wu, out float wv);
                float unInside = (u * _nx) + (v * _ny);
                float outgoing = unInside + (2 * MathF.Sqrt(WaterFlux.G * h));
                float incoming = (wu * _nx) + (wv * _ny) - (2 * MathF.Sqrt(WaterFlux.G * MathF.Max(0, stillDepth + we)));
                float un = 0.5f * (outgoing + incoming);
                float celerity = MathF.Max(0, 0.25f * (outgoing - incoming));
                h = celerity * celerity / WaterFlux.G;
                // The tangential velocity is carried by the flow: from inside when water leaves, from the sea when it enters.
                float ut = h == 0 ? 0 : un > 0 ? (normalIsX ? v : u) : (normalIsX ? wv : wu);
                un = h == 0 ? 0 : un;
                u = normalIsX ? un * _nx : ut;
                v = normalIsX ? ut : un * _ny;
                eta = bed[c] + h;
            }
            Ghost.Eta[i] = eta;
            Ghost.H[i] = h;
            Ghost.U[i] = u;
            Ghost.V[i] = v;
            if (h > 0)
            {
                float celerity = MathF.Sqrt(WaterFlux.G * h);
                ax = MathF.Max(ax, MathF.Abs(u) + celerity);
                ay = MathF.Max(ay, MathF.Abs(v) + celerity);
                wetLo = Math.Min(wetLo, i);
                wetHi = i;
            }
        }
        MaxAx = ax;
        MaxAy = ay;
        WetLo = wetLo;
        WetHi = wetHi;
    }

    /// <summary>How the side behaves is state; its ghosts are rebuilt from the water before every stage.</summary>
    public void Walk(StateWalk walk) => walk.Value(ref _kind);
}
