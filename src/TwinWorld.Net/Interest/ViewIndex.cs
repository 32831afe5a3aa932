using TwinWorld.Protocol.State;

namespace TwinWorld.Net.Interest;

/// <summary>
/// Lookups into the newest full view, built once per tick on the network thread and shared by every
/// client's stream: agent index by id, avatars by owner, and a grid of buckets a radius wide for
/// finding the agents near a point. Between rebuilds it is only read, so the threads that build
/// clients' updates query it at once.
/// </summary>
internal sealed class ViewIndex(float cellSizeMetres)
{
    private const int MaxBuckets = 1 << 20;

    private readonly Dictionary<ulong, int> _avatars = [];
    private int[] _indexById = [];
    private int[] _bucketStart = [];
    private int[] _bucketItems = [];
    private int _maxId = -1;
    private double _bucketUnits, _minX, _minY;
    private int _bucketsX, _bucketsY;

    public StateView View { get; private set; } = StateView.Empty;

    /// <summary>The terrain's cell size: where hazard tiles lie.</summary>
    public float CellSizeMetres => cellSizeMetres;

    /// <param name="bucketUnits">The bucket size in position units: the radius queries will use.</param>
    public void Rebuild(StateView view, double bucketUnits)
    {
        View = view;
        var agents = view.Agents;
        _maxId = agents.Length == 0 ? -1 : agents[^1].Id;
        if (_indexById.Length <= _maxId)
        {
            _indexById = new int[Math.Max(_maxId + 1, _indexById.Length * 2)];
        }
        Array.Fill(_indexById, -1, 0, _maxId + 1);
        _avatars.Clear();
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (int i = 0; i < agents.Length; i++)
        {
            _indexById[agents[i].Id] = i;
            if (agents[i].Owner != 0)
            {
                _avatars[agents[i].Owner] = i;
            }
            (minX, maxX) = (Math.Min(minX, agents[i].X), Math.Max(maxX, agents[i].X));
            (minY, maxY) = (Math.Min(minY, agents[i].Y), Math.Max(maxY, agents[i].Y));
        }
        BuildBuckets(agents, bucketUnits, minX, minY, maxX, maxY);
    }

    /// <summary>The agent's index in <see cref="View"/>, or -1.</summary>
    public int IndexOf(int id) => id >= 0 && id <= _maxId ? _indexById[id] : -1;

    /// <summary>The index of the avatar a client owns, or -1.</summary>
    public int AvatarOf(ulong clientId) => _avatars.GetValueOrDefault(clientId, -1);

    /// <summary>
    /// Adds the indices of agents within <paramref name="radiusUnits"/> of any focus point, each once: at the
    /// first point it is near, so an agent near an earlier point is skipped rather than marked (no shared state).
    /// </summary>
    public void Within(Focus focus, double radiusUnits, List<int> into)
    {
        var agents = View.Agents;
        if (agents.Length == 0)
        {
            return;
        }
        var points = focus.Points;
        double r2 = radiusUnits * radiusUnits;
        for (int p = 0; p < points.Count; p++)
        {
            var (px, py) = points[p];
            int bx0 = Bucket(px - radiusUnits, _minX, _bucketsX), bx1 = Bucket(px + radiusUnits, _minX, _bucketsX);
            int by0 = Bucket(py - radiusUnits, _minY, _bucketsY), by1 = Bucket(py + radiusUnits, _minY, _bucketsY);
            for (int by = by0; by <= by1; by++)
            {
                for (int bx = bx0; bx <= bx1; bx++)
                {
                    int bucket = (by * _bucketsX) + bx;
                    for (int k = _bucketStart[bucket]; k < _bucketStart[bucket + 1]; k++)
                    {
                        int i = _bucketItems[k];
                        if (Near(agents[i], px, py, r2) && !NearAnyBefore(agents[i], points, p, r2))
                        {
                            into.Add(i);
                        }
                    }
                }
            }
        }
    }

    private void BuildBuckets(ReadOnlySpan<AgentView> agents, double bucketUnits, double minX, double minY, double maxX, double maxY)
    {
        if (agents.Length == 0)
        {
            (_bucketsX, _bucketsY, _bucketStart) = (1, 1, [0, 0]);
            return;
        }
        // Wider buckets for a small radius over a large world, so the grid stays bounded.
        double width = maxX - minX + 1, height = maxY - minY + 1;
        _bucketUnits = Math.Max(bucketUnits, Math.Sqrt(width * height / MaxBuckets));
        (_minX, _minY) = (minX, minY);
        _bucketsX = (int)Math.Min(MaxBuckets, (width / _bucketUnits) + 1);
        _bucketsY = (int)Math.Min(MaxBuckets / _bucketsX, (height / _bucketUnits) + 1);
        int buckets = _bucketsX * _bucketsY;
        if (_bucketStart.Length < buckets + 1)
        {
            _bucketStart = new int[buckets + 1];
        }
        Array.Clear(_bucketStart, 0, buckets + 1);
        if (_bucketItems.Length < agents.Length)
        {
            _bucketItems = new int[agents.Length * 2];
        }
        foreach (var agent in agents)
        {
            _bucketStart[BucketOf(agent) + 1]++;
        }
        for (int b = 0; b < buckets; b++)
        {
            _bucketStart[b + 1] += _bucketStart[b];
        }
        Span<int> fill = buckets <= 4096 ? stackalloc int[buckets] : new int[buckets];
        _bucketStart.AsSpan(0, buckets).CopyTo(fill);
        for (int i = 0; i < agents.Length; i++)
        {
            _bucketItems[fill[BucketOf(agents[i])]++] = i;
        }
    }

    private static bool Near(in AgentView agent, double px, double py, double r2)
    {
        double dx = agent.X - px, dy = agent.Y - py;
        return (dx * dx) + (dy * dy) <= r2;
    }

    private static bool NearAnyBefore(in AgentView agent, IReadOnlyList<(double X, double Y)> points, int before, double r2)
    {
        for (int q = 0; q < before; q++)
        {
            if (Near(agent, points[q].X, points[q].Y, r2))
            {
                return true;
            }
        }
        return false;
    }

    private int BucketOf(AgentView agent) => (Bucket(agent.Y, _minY, _bucketsY) * _bucketsX) + Bucket(agent.X, _minX, _bucketsX);

    private int Bucket(double at, double min, int count) => (int)Math.Clamp(Math.Floor((at - min) / _bucketUnits), 0, count - 1);
}
