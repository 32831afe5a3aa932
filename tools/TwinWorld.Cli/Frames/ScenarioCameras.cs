using TwinWorld.Ecs;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Cli.Frames;

/// <summary>Finds the entities of a scenario's cameras by their names.</summary>
internal static class ScenarioCameras
{
    /// <summary>The camera entity of each placed camera, in order; call it after the first tick. Throws if one is missing (a bug).</summary>
    public static Entity[] Find(Simulation.Simulator simulation, IReadOnlyList<PlaceCamera> cameras)
        => [.. cameras.Select(camera => NamedCameras.Find(simulation.World, camera.Name)
            ?? throw new InvalidOperationException($"camera '{camera.Name}' is not in the world"))];
}
