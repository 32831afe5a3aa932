using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Replay.Reports;

/// <summary>
/// A run's hazard maps at one moment (usually its end), per terrain cell in the terrain's order
/// (index y * Width + x, row 0 at the south): the deepest flood water, and when water and fire first
/// reached each cell, in seconds since the run started (+infinity where they never did).
/// </summary>
public sealed class RunMaps
{
    public RunMaps(TerrainGrid terrain, TimeSpan at, float[] floodMaxDepth, float[] floodArrivalSeconds, float[] fireArrivalSeconds)
    {
        ArgumentNullException.ThrowIfNull(terrain);
        foreach (var (map, name) in new[] { (floodMaxDepth, nameof(floodMaxDepth)), (floodArrivalSeconds, nameof(floodArrivalSeconds)), (fireArrivalSeconds, nameof(fireArrivalSeconds)) })
        {
            ArgumentNullException.ThrowIfNull(map, name);
            if (map.Length != terrain.CellCount)
            {
                throw new ArgumentException($"The map has {map.Length} cells; the terrain has {terrain.CellCount}.", name);
            }
        }
        Terrain = terrain;
        At = at;
        FloodMaxDepth = floodMaxDepth;
        FloodArrivalSeconds = floodArrivalSeconds;
        FireArrivalSeconds = fireArrivalSeconds;
    }

    /// <summary>The ground the maps lie on (elevation and land use give the maps their faint background).</summary>
    public TerrainGrid Terrain { get; }

    /// <summary>When the maps were taken, since the run started.</summary>
    public TimeSpan At { get; }

    /// <summary>The deepest water each cell has seen (m); 0 at sea and on land that stayed dry.</summary>
    public float[] FloodMaxDepth { get; }

    /// <summary>When water first stood 0.1 m deep on each land cell (s); +infinity where it never did.</summary>
    public float[] FloodArrivalSeconds { get; }

    /// <summary>When fire reached each cell (s); +infinity where it never burned.</summary>
    public float[] FireArrivalSeconds { get; }

    /// <summary>
    /// Copies a simulation's maps as they are now: the copies stay as they were while the
    /// simulation goes on. The terrain is shared, not copied; nothing changes it during a run.
    /// </summary>
    public static RunMaps Capture(Simulation.Simulator simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        var terrain = simulation.Site.Terrain;
        var flood = simulation.Hazards.Flood;
        var fire = simulation.Hazards.Fire;
        var fireArrival = new float[terrain.CellCount];
        for (int cell = 0; cell < fireArrival.Length; cell++)
        {
            fireArrival[cell] = fire.ArrivalTime(cell);
        }
        return new RunMaps(terrain, simulation.SimulatedTime, (float[])flood.MaxDepth.Clone(), (float[])flood.ArrivalSeconds.Clone(), fireArrival);
    }
}
