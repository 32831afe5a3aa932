using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Bench.Generation;

/// <summary>
/// The scene the generation benchmarks look at: the 512 x 512 procedural town (2 m cells) with 2,000 people,
/// 90 s into a tsunami from the west and a wind-driven fire east of the town, so water is on land and smoke
/// drifts. Three cameras: overhead 250 m above the town, a street camera at eye height looking out to sea,
/// and a third-person camera following a person. Built once and shared by every benchmark and parameter.
/// </summary>
internal static class FrameScene
{
    private static readonly Lazy<(TwinWorld.Simulation.Simulator Simulation, Dictionary<string, Entity> Cameras)> Scene = new(Build);

    public static TwinWorld.Simulation.Simulator Simulation => Scene.Value.Simulation;

    public static Entity Camera(string name) => Scene.Value.Cameras[name];

    private static (TwinWorld.Simulation.Simulator, Dictionary<string, Entity>) Build()
    {
        var simulation = new TownScenario { Seed = 7, Agents = 2000, TsunamiAfter = TimeSpan.Zero, FireAfter = TimeSpan.Zero, Wind = (8, 90) }
            .Build(tickRateHz: 20, workers: Environment.ProcessorCount);
        var terrain = simulation.Site.Terrain;
        var street = new Vector2(420, 512);
        var person = Entity.Null;
        foreach (var chunk in simulation.World.GetChunks(new QueryDescription().WithAll<Agent>()))
        {
            person = chunk.Entities[0];
            break;
        }
        var cameras = new Dictionary<string, Entity>
        {
            ["overhead"] = simulation.AddCamera(CameraMode.Overhead, new CameraPose(new Vector3(430, 512, 250), MathF.PI / 2, -MathF.PI / 2), new CameraLens(60, 64, 64)),
            ["street"] = simulation.AddCamera(CameraMode.Fixed, new CameraPose(new Vector3(street, terrain.ElevationAt(street) + 1.7f), MathF.PI, -0.05f), new CameraLens(70, 64, 64)),
            ["follow"] = simulation.AddCamera(CameraMode.ThirdPersonFollow, default, new CameraLens(60, 64, 64), target: person, distance: 8, height: 4),
        };
        while (simulation.SimulatedTime < TimeSpan.FromSeconds(90))
        {
            simulation.Step();
        }
        var outcome = simulation.MeasureOutcome();
        Console.WriteLine($"// FrameScene: flooded {outcome.FloodedArea / 10_000:F2} ha, burning {outcome.BurningArea:N0} m2");
        return (simulation, cameras);
    }
}
