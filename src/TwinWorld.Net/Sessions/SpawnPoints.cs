using System.Numerics;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Net.Sessions;

/// <summary>
/// Where players' avatars appear, handed out in turn: in the open near the site's centre, on road, plaza or
/// grass with open ground all round (not in a building, the sea or a wood), a few metres apart, and away
/// from the cameras' markers, so a player sees its avatar on the map at once and not hidden under one.
/// </summary>
internal sealed class SpawnPoints
{
    /// <summary>Open ground this far all round (m), this far from a camera's marker, and this far between two players.</summary>
    private const float Clearance = 4, CameraDistance = 15, Spacing = 3;

    private const int Count = 256;

    private readonly Vector2[] _points;
    private int _next;

    public SpawnPoints(TerrainGrid terrain)
    {
        var centre = new Vector2(terrain.WidthMetres, terrain.HeightMetres) / 2;
        var points = new List<Vector2>(Count);
        var candidates = Enumerable.Range(0, terrain.CellCount)
            .Where(cell => IsOpen(terrain.LandUse[cell]))
            .Select(terrain.CellCentre)
            .Where(at => IsClear(terrain, at))
            .OrderBy(at => Vector2.DistanceSquared(at, centre));
        foreach (var at in candidates)
        {
            if (points.All(p => Vector2.Distance(p, at) >= Spacing))
            {
                points.Add(at);
            }
            if (points.Count == Count)
            {
                break;
            }
        }
        _points = points.Count > 0 ? [.. points] : [centre];
    }

    /// <summary>The next point in turn that no camera's marker covers (if every one is covered, the next).</summary>
    public Vector2 Next(IReadOnlyList<CameraState> cameras)
    {
        var markers = cameras.Select(c => new Vector2(Quantisation.Metres(c.X), Quantisation.Metres(c.Y))).ToArray();
        for (int tried = 0; tried < _points.Length; tried++)
        {
            var at = _points[_next++ % _points.Length];
            if (markers.All(m => Vector2.Distance(m, at) >= CameraDistance))
            {
                return at;
            }
        }
        return _points[_next++ % _points.Length];
    }

    private static bool IsOpen(LandUse use) => use is LandUse.Road or LandUse.Plaza or LandUse.Grass;

    private static bool IsClear(TerrainGrid terrain, Vector2 at)
    {
        for (float dy = -Clearance; dy <= Clearance; dy += terrain.CellSize)
        {
            for (float dx = -Clearance; dx <= Clearance; dx += terrain.CellSize)
            {
                int cell = terrain.IndexAt(at + new Vector2(dx, dy));
                if (cell < 0 || !IsOpen(terrain.LandUse[cell]))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
