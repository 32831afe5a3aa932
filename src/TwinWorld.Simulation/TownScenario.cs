using System.Numerics;
using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Simulation;

/// <summary>
/// The embedded default world: the procedural town, its people scattered over the low ground, and
/// optionally an evacuation alert covering the whole town at a given time. The server runs it when
/// given no scenario, and <c>twin town</c> runs it headless.
/// </summary>
public sealed record TownScenario
{
    public ulong Seed { get; init; } = 1;

    /// <summary>Cells each way (2 m each).</summary>
    public int Size { get; init; } = 512;

    public int Agents { get; init; } = 2000;

    public TimeSpan? AlertAfter { get; init; }

    public Simulation Build(double tickRateHz, int workers)
    {
        var site = ProceduralTown.Generate(new ProceduralTownOptions { Seed = Seed, Size = Size });
        var simulation = new Simulation(site, new SimulationOptions { Seed = Seed, TickRateHz = tickRateHz, Workers = workers });
        var terrain = site.Terrain;
        simulation.Scatter(Agents, cell => ProceduralTown.IsLowGround(terrain, cell));
        if (AlertAfter is { } after)
        {
            var centre = new Vector2(terrain.WidthMetres / 2, terrain.HeightMetres / 2);
            simulation.Inputs.Enqueue(new IssueAlert((long)(after.TotalSeconds * tickRateHz), centre, terrain.WidthMetres + terrain.HeightMetres));
        }
        return simulation;
    }
}
