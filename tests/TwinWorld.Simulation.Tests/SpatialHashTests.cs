using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Navigation;

namespace TwinWorld.Simulation.Tests;

public class SpatialHashTests
{
    private const float Width = 60;
    private const float Height = 40;

    [Fact]
    public void Visits_every_other_agent_in_range_once_row_by_row_then_cell_then_add_order()
    {
        // The crowd's push is a float sum over the visits, so their order is part of the result.
        var random = new Random(5);
        var points = new List<Vector2>();
        for (int i = 0; i < 600; i++)
        {
            points.Add(new Vector2(random.NextSingle() * Width, random.NextSingle() * Height));
        }
        // Crowded spots, bodies exactly on top of each other, and the map's edges.
        points.AddRange(Enumerable.Repeat(new Vector2(10.5f, 10.5f), 3));
        points.AddRange([new Vector2(0, 0), new Vector2(Width, Height), new Vector2(Width - 0.01f, 0), new Vector2(4, 4), new Vector2(3.99f, 4)]);
        var hash = Build(points);

        // Every seventh agent asks, and every one placed on purpose (the map's last cell ends the bitmap).
        foreach (int asker in Enumerable.Range(0, points.Count).Where(i => i % 7 == 0 || i >= 600))
        {
            foreach (float radius in new[] { 0.5f, 1f, 4f })
            {
                var at = points[asker];
                Assert.Equal(Expected(points, at, radius, asker), Visits(hash, at, radius, asker));
            }
        }
    }

    [Fact]
    public void A_rebuild_holds_only_the_agents_added_since_it_was_cleared()
    {
        var hash = Build([new Vector2(5, 5), new Vector2(5.5f, 5), new Vector2(30, 30)]);
        hash.Clear(2);
        hash.Add(new Entity(7, 1), new Vector2(30.5f, 30));
        hash.Add(new Entity(8, 1), new Vector2(5.2f, 5));
        hash.Build();

        Assert.Equal(2, hash.Count);
        Assert.Equal([8], Visits(hash, new Vector2(5, 5), 1, -1).Select(v => v.Id));
        Assert.Equal([7], Visits(hash, new Vector2(30, 30), 1, -1).Select(v => v.Id));
        Assert.Empty(Visits(hash, new Vector2(5.5f, 5), 0.2f, -1));
    }

    [Fact]
    public void Grows_past_the_capacity_it_was_first_cleared_with()
    {
        var small = Build([new Vector2(1, 1)]);
        var points = Enumerable.Range(0, 50).Select(i => new Vector2(20 + (i * 0.01f), 20)).ToList();
        small.Clear(points.Count);
        for (int i = 0; i < points.Count; i++)
        {
            small.Add(new Entity(i, 1), points[i]);
        }
        small.Build();

        Assert.Equal(Expected(points, new Vector2(20, 20), 1, -1), Visits(small, new Vector2(20, 20), 1, -1));
    }

    private static SpatialHash Build(IReadOnlyList<Vector2> points)
    {
        var hash = new SpatialHash(Width, Height);
        hash.Clear(points.Count);
        for (int i = 0; i < points.Count; i++)
        {
            hash.Add(new Entity(i, 1), points[i]);
        }
        hash.Build();
        return hash;
    }

    private static List<(Vector2 Offset, float DistanceSquared, int Id)> Visits(SpatialHash hash, Vector2 at, float radius, int selfId)
    {
        var recorder = new Recorder { Seen = [] };
        hash.ForEachNear(at, radius, selfId, ref recorder);
        return recorder.Seen;
    }

    /// <summary>By brute force: each other point in range, ordered by 2 m row, then column, then the order added.</summary>
    private static List<(Vector2 Offset, float DistanceSquared, int Id)> Expected(IReadOnlyList<Vector2> points, Vector2 at, float radius, int selfId)
    {
        int Cell(float metres) => (int)(metres / SpatialHash.CellSize);
        return points
            .Select((p, id) => (Offset: new Vector2(p.X - at.X, p.Y - at.Y), Id: id, Row: Cell(p.Y), Column: Cell(p.X)))
            .Select(c => (c.Offset, DistanceSquared: (c.Offset.X * c.Offset.X) + (c.Offset.Y * c.Offset.Y), c.Id, c.Row, c.Column))
            .Where(c => c.Id != selfId && c.DistanceSquared < radius * radius)
            .OrderBy(c => c.Row).ThenBy(c => c.Column).ThenBy(c => c.Id)
            .Select(c => (c.Offset, c.DistanceSquared, c.Id))
            .ToList();
    }

    private struct Recorder : INeighbourVisitor
    {
        public List<(Vector2 Offset, float DistanceSquared, int Id)> Seen;

        public readonly void Visit(Vector2 offset, float distanceSquared, int neighbourId) => Seen.Add((offset, distanceSquared, neighbourId));
    }
}
