using System.Numerics;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Simulation.Navigation;

/// <summary>
/// Travel time (s at 1 m/s free speed) from every walkable cell to the nearest goal cell, by
/// Dijkstra over 8-connected cells weighted by each cell's walking speed, never cutting a corner of
/// an obstacle; plus each cell's direction of steepest descent. Agents read a direction blended
/// between the four nearest cell centres, so they move smoothly rather than in grid steps.
/// </summary>
public sealed class FlowField
{
    private static readonly (int Dx, int Dy, float Length)[] Steps =
    [
        (1, 0, 1f), (-1, 0, 1f), (0, 1, 1f), (0, -1, 1f),
        (1, 1, 1.41421356f), (1, -1, 1.41421356f), (-1, 1, 1.41421356f), (-1, -1, 1.41421356f),
    ];

    // Unit vectors of the eight steps, plus zero (goal or unreachable) at index 8.
    private static readonly Vector2[] StepVectors =
        [.. Steps.Select(s => new Vector2(s.Dx, s.Dy) / s.Length), Vector2.Zero];

    private const byte NoStep = 8;

    private readonly TerrainGrid _terrain;
    private readonly float[] _cost;

    // One byte per cell (an index into StepVectors) keeps a whole town's field in a few hundred KiB of cache.
    private readonly byte[] _direction;

    private FlowField(TerrainGrid terrain, float[] cost, byte[] direction)
    {
        _terrain = terrain;
        _cost = cost;
        _direction = direction;
    }

    /// <summary>Builds the field toward the given goal cells (non-walkable ones are ignored).</summary>
    public static FlowField Build(TerrainGrid terrain, IEnumerable<int> goals, Func<LandUse, float> speedFactor)
    {
        int n = terrain.CellCount;
        var cost = new float[n];
        Array.Fill(cost, float.PositiveInfinity);
        var factor = new float[LandUseTraits.Count];
        for (int u = 0; u < factor.Length; u++)
        {
            factor[u] = speedFactor((LandUse)u);
        }
        var open = new PriorityQueue<int, float>();
        foreach (int goal in goals)
        {
            if (factor[(int)terrain.LandUse[goal]] > 0 && cost[goal] != 0)
            {
                cost[goal] = 0;
                open.Enqueue(goal, 0);
            }
        }
        while (open.TryDequeue(out int cell, out float at))
        {
            if (at > cost[cell])
            {
                continue;
            }
            int x = cell % terrain.Width;
            int y = cell / terrain.Width;
            float here = factor[(int)terrain.LandUse[cell]];
            foreach (var (dx, dy, length) in Steps)
            {
                if (!CanStep(terrain, factor, x, y, dx, dy))
                {
                    continue;
                }
                int next = terrain.Index(x + dx, y + dy);
                float speed = (here + factor[(int)terrain.LandUse[next]]) * 0.5f;
                float candidate = at + (length * terrain.CellSize / speed);
                if (candidate < cost[next])
                {
                    cost[next] = candidate;
                    open.Enqueue(next, candidate);
                }
            }
        }
        return new FlowField(terrain, cost, Directions(terrain, factor, cost));
    }

    /// <summary>Seconds at 1 m/s to the nearest goal; infinity where no goal can be reached.</summary>
    public float CostAt(int cell) => cell < 0 ? float.PositiveInfinity : _cost[cell];

    public bool Reaches(int cell) => CostAt(cell) < float.PositiveInfinity;

    /// <summary>The unit direction to walk at a point, or zero at a goal or where no goal is reachable.</summary>
    public Vector2 DirectionAt(Vector2 point)
    {
        float cs = _terrain.CellSize;
        float fx = (point.X / cs) - 0.5f;
        float fy = (point.Y / cs) - 0.5f;
        int x0 = (int)MathF.Floor(fx);
        int y0 = (int)MathF.Floor(fy);
        float tx = fx - x0;
        float ty = fy - y0;
        var sum = (Sample(x0, y0) * (1 - tx) * (1 - ty)) + (Sample(x0 + 1, y0) * tx * (1 - ty))
            + (Sample(x0, y0 + 1) * (1 - tx) * ty) + (Sample(x0 + 1, y0 + 1) * tx * ty);
        float length = sum.Length();
        if (length > 1e-4f)
        {
            return sum / length;
        }
        int cell = _terrain.IndexAt(point);
        return cell < 0 ? Vector2.Zero : StepVectors[_direction[cell]];
    }

    private Vector2 Sample(int x, int y) => _terrain.Contains(x, y) ? StepVectors[_direction[_terrain.Index(x, y)]] : Vector2.Zero;

    private static bool CanStep(TerrainGrid terrain, float[] factor, int x, int y, int dx, int dy)
    {
        if (!terrain.Contains(x + dx, y + dy) || factor[(int)terrain.LandUse[terrain.Index(x + dx, y + dy)]] <= 0)
        {
            return false;
        }
        // A diagonal step needs both cells beside it open, or agents would clip the obstacle's corner.
        return dx == 0 || dy == 0
            || (factor[(int)terrain.LandUse[terrain.Index(x + dx, y)]] > 0 && factor[(int)terrain.LandUse[terrain.Index(x, y + dy)]] > 0);
    }

    private static byte[] Directions(TerrainGrid terrain, float[] factor, float[] cost)
    {
        var direction = new byte[cost.Length];
        Array.Fill(direction, NoStep);
        for (int cell = 0; cell < cost.Length; cell++)
        {
            if (cost[cell] == 0 || float.IsPositiveInfinity(cost[cell]))
            {
                continue;
            }
            int x = cell % terrain.Width;
            int y = cell / terrain.Width;
            float best = cost[cell];
            for (byte s = 0; s < Steps.Length; s++)
            {
                var (dx, dy, _) = Steps[s];
                if (CanStep(terrain, factor, x, y, dx, dy) && cost[terrain.Index(x + dx, y + dy)] < best)
                {
                    best = cost[terrain.Index(x + dx, y + dy)];
                    direction[cell] = s;
                }
            }
        }
        return direction;
    }
}
