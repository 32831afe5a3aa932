using Microsoft.Extensions.Logging;
using TwinWorld.Server.Ticking;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Zones;
using Sim = TwinWorld.Simulation.Simulation;

namespace TwinWorld.Server.World;

/// <summary>Builds the simulation the server hosts from its configuration.</summary>
internal static class WorldFactory
{
    public static Sim Create(WorldOptions world, TickOptions tick, ILogger logger)
    {
        var scenario = new TownScenario
        {
            Seed = (ulong)world.Seed,
            Size = world.Size,
            Agents = world.Agents,
            AlertAfter = world.AlertAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        };
        var simulation = scenario.Build(tick.RateHz, world.Workers);
        logger.LogInformation(
            "World: procedural town {Size} x {Size} cells ({Metres:F0} m), seed {Seed}, {Agents} agents, {Shelters} shelters{Alert}",
            world.Size, world.Size, simulation.Site.Terrain.WidthMetres, world.Seed, world.Agents, simulation.Site.Zones.OfKind(ZoneKind.Shelter).Count(),
            scenario.AlertAfter is { } a ? $"; evacuation alert after {a.TotalSeconds} s" : "");
        return simulation;
    }
}
