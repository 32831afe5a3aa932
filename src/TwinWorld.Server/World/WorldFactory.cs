using System.Numerics;
using Microsoft.Extensions.Logging;
using TwinWorld.Server.Ticking;
using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;
using Sim = TwinWorld.Simulation.Simulation;
using SimulationOptions = TwinWorld.Simulation.SimulationOptions;

namespace TwinWorld.Server.World;

/// <summary>Builds the simulation the server hosts from its configuration.</summary>
internal static class WorldFactory
{
    public static Sim Create(WorldOptions world, TickOptions tick, ILogger logger)
    {
        var site = ProceduralTown.Generate(new ProceduralTownOptions { Seed = (ulong)world.Seed, Size = world.Size });
        var simulation = new Sim(site, new SimulationOptions { Seed = (ulong)world.Seed, TickRateHz = tick.RateHz, Workers = world.Workers });
        var terrain = site.Terrain;
        simulation.Scatter(world.Agents, cell => ProceduralTown.IsLowGround(terrain, cell));
        if (world.AlertAfterSeconds is { } after)
        {
            var centre = new Vector2(terrain.WidthMetres / 2, terrain.HeightMetres / 2);
            simulation.Inputs.Enqueue(new IssueAlert((long)(after * tick.RateHz), centre, terrain.WidthMetres + terrain.HeightMetres));
        }
        logger.LogInformation(
            "World: procedural town {Size} x {Size} cells ({Metres:F0} m), seed {Seed}, {Agents} agents, {Shelters} shelters{Alert}",
            world.Size, world.Size, terrain.WidthMetres, world.Seed, world.Agents, simulation.Site.Zones.OfKind(TwinWorld.Simulation.Zones.ZoneKind.Shelter).Count(),
            world.AlertAfterSeconds is { } a ? $"; evacuation alert after {a} s" : "");
        return simulation;
    }
}
