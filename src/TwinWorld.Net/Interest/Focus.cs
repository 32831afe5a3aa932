using TwinWorld.Protocol.State;

namespace TwinWorld.Net.Interest;

/// <summary>
/// Where a client looks: its avatar and subscribed cameras, in position units. A client with none
/// (<see cref="Active"/> false) is interested in everything alike; an active focus with no point yet
/// (an avatar about to spawn) is interested in nothing.
/// </summary>
internal sealed class Focus
{
    private readonly List<(double X, double Y)> _points = [];

    public bool Active { get; private set; }

    public IReadOnlyList<(double X, double Y)> Points => _points;

    public void Reset(bool active)
    {
        Active = active;
        _points.Clear();
    }

    public void Add(int x, int y) => _points.Add((x, y));

    /// <summary>Squared distance (units²) to the nearest point: 0 when inactive, infinity with no point.</summary>
    public double DistanceSquared(double x, double y)
    {
        if (!Active)
        {
            return 0;
        }
        double best = double.PositiveInfinity;
        foreach (var (px, py) in _points)
        {
            best = Math.Min(best, ((x - px) * (x - px)) + ((y - py) * (y - py)));
        }
        return best;
    }

    /// <summary>Squared distance to the nearest point of a rectangle (a hazard tile), in units.</summary>
    public double DistanceSquared(double x0, double y0, double x1, double y1)
    {
        if (!Active)
        {
            return 0;
        }
        double best = double.PositiveInfinity;
        foreach (var (px, py) in _points)
        {
            double dx = Math.Max(0, Math.Max(x0 - px, px - x1)), dy = Math.Max(0, Math.Max(y0 - py, py - y1));
            best = Math.Min(best, (dx * dx) + (dy * dy));
        }
        return best;
    }

    /// <summary>
    /// At least the squared distance from any point of a rectangle to its nearest focus point (the nearest
    /// point's farthest corner): a box within a radius by this measure is wholly within it. 0 when inactive.
    /// </summary>
    public double FarthestSquared(double x0, double y0, double x1, double y1)
    {
        if (!Active)
        {
            return 0;
        }
        double best = double.PositiveInfinity;
        foreach (var (px, py) in _points)
        {
            double dx = Math.Max(px - x0, x1 - px), dy = Math.Max(py - y0, y1 - py);
            best = Math.Min(best, (dx * dx) + (dy * dy));
        }
        return best;
    }

    public static double Units(double metres) => metres * Quantisation.PositionUnitsPerMetre;
}
