using System.Numerics;
using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Simulation.Hazards.Wind;

/// <summary>
/// The wind near the ground (10 m, open terrain), in m/s as the direction it blows towards: the
/// ambient wind that weather inputs set, plus the tornadoes active this tick. Near a tornado its
/// travel adds to the rotation (full strength inside the core, fading as R / r outside), so the
/// strongest wind is on the side where the two point the same way.
/// </summary>
public sealed class WindField : IEvolvingState
{
    private readonly List<WindVortex> _vortices = [];
    private Vector2 _ambient;

    public Vector2 Ambient { get => _ambient; set => _ambient = value; }

    /// <summary>The tornadoes blowing this tick.</summary>
    public IReadOnlyList<WindVortex> Vortices => _vortices;

    public Vector2 At(Vector2 point)
    {
        var wind = Ambient;
        foreach (var v in _vortices)
        {
            var offset = point - v.Centre;
            float r = offset.Length();
            float weight = r <= v.CoreRadius ? 1 : v.CoreRadius / r;
            wind += RankineVortex.Wind(offset, v.CoreRadius, v.MaxTangential) + (v.Travel * weight);
        }
        return wind;
    }

    /// <summary>
    /// The ambient wind is given at 10 m; at a person's head (1.75 m) over open ground with scattered obstacles
    /// (roughness length 0.1 m) the logarithmic profile makes it ln(17.5) / ln(100), about 0.6, of that.
    /// </summary>
    public const float HeadHeightFactor = 0.6f;

    /// <summary>
    /// The wind a person stands in, to hold against their knock-down limit (Penwarden's criteria are for wind at
    /// head height): the ambient wind scaled down by <see cref="HeadHeightFactor"/>, a tornado's as it is (its
    /// strongest winds are near the ground).
    /// </summary>
    public Vector2 AtHeadHeight(Vector2 point) => At(point) - (Ambient * (1 - HeadHeightFactor));

    /// <summary>
    /// The cells, square around each tornado, that its wind may push to at least the given speed
    /// (a cell near two tornadoes comes once for each). Callers test the wind at each themselves.
    /// </summary>
    public IEnumerable<int> CellsNearVortices(TerrainGrid terrain, float speed)
    {
        foreach (var vortex in _vortices)
        {
            float reach = vortex.ReachOf(speed);
            if (reach <= 0)
            {
                continue;
            }
            var (x0, x1, y0, y1) = terrain.CellBox(vortex.Centre, reach);
            for (int y = y0; y <= y1; y++)
            {
                for (int x = x0; x <= x1; x++)
                {
                    yield return terrain.Index(x, y);
                }
            }
        }
    }

    internal void ClearVortices() => _vortices.Clear();

    internal void AddVortex(WindVortex vortex) => _vortices.Add(vortex);

    /// <summary>The ambient wind; the vortices are rebuilt from tornado entities each tick, but kept so nothing reads a stale list.</summary>
    public void Walk(StateWalk walk)
    {
        walk.Value(ref _ambient);
        walk.Derived(w => w.Items(_vortices));
    }
}
