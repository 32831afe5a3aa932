using System.Numerics;
using Microsoft.Extensions.Logging;
using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Running;
using TwinWorld.Server.Ticking;
using TwinWorld.Simulation;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Zones;

namespace TwinWorld.Server.World;

/// <summary>Builds the world the server hosts from its configuration.</summary>
internal static class WorldFactory
{
    /// <summary>The name of the camera a world without cameras gets.</summary>
    public const string OverviewName = "overview";

    /// <summary>Throws <see cref="WorldConfigurationException"/> for a scenario that cannot be loaded.</summary>
    public static HostedWorld Create(WorldOptions world, TickOptions tick, ILogger logger)
    {
        var hosted = string.IsNullOrWhiteSpace(world.Scenario) ? Town(world, tick, logger) : Scenario(world, tick, logger);
        if (hosted.Run is not { Scenario.Cameras.Count: > 0 })
        {
            AddOverview(hosted, logger);
        }
        return hosted;
    }

    /// <summary>
    /// A world with no cameras of its own gets one looking straight down on the whole site, north up, so
    /// viewers see frames (and the log says why there is a camera the scenario does not name).
    /// </summary>
    private static void AddOverview(HostedWorld hosted, ILogger logger)
    {
        var simulation = hosted.Simulation;
        var terrain = simulation.Site.Terrain;
        var centre = new Vector2(terrain.WidthMetres, terrain.HeightMetres) / 2;
        const float fieldOfView = 60;
        // High enough that the field of view spans the site's longer side: half of it over tan(30 degrees).
        float height = terrain.ElevationAt(centre) + (0.87f * MathF.Max(terrain.WidthMetres, terrain.HeightMetres));
        var overview = new PlaceCamera
        {
            Name = OverviewName, Mode = PlacedCameraMode.Overhead, Position = Point3.Of(new Vector3(centre, height)), Pitch = -90, Fov = fieldOfView,
        };
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Camera = overview }));
        logger.LogInformation("{World} has no cameras: added the default camera '{Name}', looking down on the whole site from {Height:F0} m, north up",
            hosted.Description, OverviewName, height);
    }

    private static HostedWorld Scenario(WorldOptions world, TickOptions tick, ILogger logger)
    {
        string path = ServerPaths.Resolve(world.Scenario!);
        if (!File.Exists(path))
        {
            throw new WorldConfigurationException([$"World:Scenario: no such file: {path}"]);
        }
        var load = ScenarioLoader.Load(path, world.Parameters);
        if (load.Scenario is not { } scenario)
        {
            throw new WorldConfigurationException([.. load.Errors.Select(e => e.ToString())]);
        }
        if (Math.Abs(scenario.TickRateHz - tick.RateHz) > 1e-9)
        {
            logger.LogWarning("The scenario ticks at {ScenarioHz} Hz; Tick:RateHz={RateHz} does not apply", scenario.TickRateHz, tick.RateHz);
        }
        var run = new ScenarioRun(scenario, world.Workers);
        logger.LogInformation("World: scenario {Name} from {File}, {Agents} agents, seed {Seed}", scenario.Name, path, run.Simulation.CountBehaviours().Sum(), scenario.Seed);
        return new HostedWorld(run);
    }

    private static HostedWorld Town(WorldOptions world, TickOptions tick, ILogger logger)
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
        return new HostedWorld(simulation, "the procedural town");
    }
}
