using System.Numerics;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Terrain;
using Area = TwinWorld.Protocol.V1.Area;
using IgniteFire = TwinWorld.Protocol.V1.IgniteFire;
using IssueAlert = TwinWorld.Protocol.V1.IssueAlert;
using Point = TwinWorld.Protocol.V1.Point;
using SetWind = TwinWorld.Protocol.V1.SetWind;
using StartTornado = TwinWorld.Protocol.V1.StartTornado;
using StartTsunami = TwinWorld.Protocol.V1.StartTsunami;
using WorldCommand = TwinWorld.Protocol.V1.WorldCommand;

namespace TwinWorld.Simulation;

/// <summary>
/// The embedded default world: the procedural town, its people scattered over the low ground, and
/// optionally an evacuation alert covering the whole town, a tsunami from the west, a grass fire on
/// the town's eastern edge (spread by the wind) and a tornado crossing the town from the south, each
/// at a given time. The server runs it when given no scenario, and <c>twin town</c> runs it headless.
/// </summary>
public sealed record TownScenario
{
    public ulong Seed { get; init; } = 1;

    /// <summary>Cells each way (2 m each).</summary>
    public int Size { get; init; } = 512;

    public int Agents { get; init; } = 2000;

    public TimeSpan? AlertAfter { get; init; }

    /// <summary>When a 6 m, 5-minute tsunami wave train starts coming in from the west.</summary>
    public TimeSpan? TsunamiAfter { get; init; }

    /// <summary>When a fire starts in the grass just east of the town.</summary>
    public TimeSpan? FireAfter { get; init; }

    /// <summary>When a tornado (60 m/s winds) touches down south of the town and crosses it northwards.</summary>
    public TimeSpan? TornadoAfter { get; init; }

    /// <summary>The ambient wind from the start: speed (m/s) and the bearing it blows from.</summary>
    public (float Speed, float FromBearingDegrees) Wind { get; init; } = (5, 90);

    public Simulator Build(double tickRateHz, int workers)
    {
        var site = ProceduralTown.Generate(new ProceduralTownOptions { Seed = Seed, Size = Size });
        var simulation = new Simulator(site, new SimulationOptions { Seed = Seed, TickRateHz = tickRateHz, Workers = workers });
        var terrain = site.Terrain;
        simulation.Scatter(Agents, cell => ProceduralTown.IsLowGround(terrain, cell));
        long TickOf(TimeSpan after) => (long)(after.TotalSeconds * tickRateHz);
        var extent = new Vector2(terrain.WidthMetres, terrain.HeightMetres);
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Wind = new SetWind { Speed = Wind.Speed, From = Wind.FromBearingDegrees } }));
        if (AlertAfter is { } alert)
        {
            simulation.Inputs.Enqueue(new CommandInput(TickOf(alert), new WorldCommand { Alert = new IssueAlert { Area = new Area { Everywhere = true } } }));
        }
        if (TsunamiAfter is { } tsunami)
        {
            simulation.Inputs.Enqueue(new CommandInput(TickOf(tsunami), new WorldCommand { Tsunami = new StartTsunami { Height = 6, Period = 300, From = 270, Name = "tsunami" } }));
        }
        if (FireAfter is { } fire)
        {
            simulation.Inputs.Enqueue(new CommandInput(TickOf(fire), new WorldCommand { Fire = new IgniteFire { At = Point.Of(GrassNear(terrain, extent * new Vector2(0.58f, 0.5f))), Radius = 4, Name = "fire" } }));
        }
        if (TornadoAfter is { } tornado)
        {
            simulation.Inputs.Enqueue(new CommandInput(TickOf(tornado), new WorldCommand { Tornado = new StartTornado { From = Point.Of(extent * new Vector2(0.3f, 0.02f)), To = Point.Of(extent * new Vector2(0.5f, 0.98f)), Speed = 12, MaxWind = 60, CoreRadius = 40, Name = "tornado" } }));
        }
        return simulation;
    }

    /// <summary>The burnable cell nearest a point (the point itself if there is none), so the fire has fuel to start in.</summary>
    private static Vector2 GrassNear(TerrainGrid terrain, Vector2 point)
    {
        int best = -1;
        float bestDistance = float.MaxValue;
        for (int cell = 0; cell < terrain.CellCount; cell++)
        {
            float d = Vector2.DistanceSquared(terrain.CellCentre(cell), point);
            if (terrain.Fuel[cell] != 0 && d < bestDistance)
            {
                (best, bestDistance) = (cell, d);
            }
        }
        return best < 0 ? point : terrain.CellCentre(best);
    }
}
