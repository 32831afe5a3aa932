using TwinWorld.Ecs;
using TwinWorld.Scenarios.Model;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Cli.Frames;

/// <summary>
/// Finds the entities of a scenario's named cameras. The simulation keeps no names: the scenario places its cameras
/// at tick 0 where it says, and such cameras (fixed, free or overhead, following no one) stay there while nobody
/// steers them, so each is the camera with its spec's mode and pose. Cameras with the same pose are told apart
/// by order, which does not matter for what they see.
/// </summary>
internal static class ScenarioCameras
{
    private static readonly QueryDescription Cameras = new QueryDescription().WithAll<CameraPose, CameraRig>();

    /// <summary>The camera entity of each spec, in order; call it after the first tick. Throws if one is missing (a bug).</summary>
    public static Entity[] Find(Simulation.Simulator simulation, IReadOnlyList<CameraSpec> specs)
    {
        var placed = new List<(Entity Entity, CameraPose Pose, CameraMode Mode)>();
        foreach (var chunk in simulation.World.GetChunks(Cameras))
        {
            var poses = chunk.GetSpan<CameraPose>();
            var rigs = chunk.GetSpan<CameraRig>();
            for (int i = 0; i < chunk.Count; i++)
            {
                placed.Add((chunk.Entities[i], poses[i], rigs[i].Mode));
            }
        }
        placed.Sort((a, b) => a.Entity.Id.CompareTo(b.Entity.Id));
        var found = new Entity[specs.Count];
        for (int s = 0; s < specs.Count; s++)
        {
            var spec = specs[s];
            int match = placed.FindIndex(c => c.Mode == spec.Mode && c.Pose.Position == spec.Position
                && Near(c.Pose.Yaw, spec.PoseYaw) && Near(c.Pose.Pitch, spec.PosePitch));
            if (match < 0)
            {
                throw new InvalidOperationException($"camera '{spec.Name}' is not where the scenario placed it");
            }
            found[s] = placed[match].Entity;
            placed.RemoveAt(match);
        }
        return found;
    }

    private static bool Near(float a, float b) => MathF.Abs(a - b) < 1e-4f;
}
