using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Agents;

namespace TwinWorld.Simulation.Cameras;

/// <summary>
/// Keeps following cameras on their targets: overhead above it, third-person behind and above it,
/// first-person at its eyes. A camera whose target is gone stays where it last was.
/// </summary>
internal sealed class CameraSystem : ISimulationSystem
{
    public const float EyeHeight = 1.7f;

    private static readonly QueryDescription Cameras = new QueryDescription().WithAll<CameraPose, CameraRig>();

    public string Name => "cameras";

    public void Update(Simulation simulation)
    {
        var world = simulation.World;
        var terrain = simulation.Site.Terrain;
        foreach (var chunk in world.GetChunks(Cameras))
        {
            var poses = chunk.GetSpan<CameraPose>();
            var rigs = chunk.GetSpan<CameraRig>();
            for (int i = 0; i < chunk.Count; i++)
            {
                var rig = rigs[i];
                if (rig.Mode is CameraMode.Fixed or CameraMode.Free || !world.IsAlive(rig.Target) || !world.Has<Position>(rig.Target))
                {
                    continue;
                }
                var at = world.Get<Position>(rig.Target).Value;
                float heading = world.Has<Heading>(rig.Target) ? world.Get<Heading>(rig.Target).Radians : poses[i].Yaw;
                float ground = terrain.ElevationAt(at);
                var facing = DeterministicMath.Direction(heading);
                poses[i] = rig.Mode switch
                {
                    CameraMode.Overhead => new CameraPose(new Vector3(at, ground + rig.Height), heading, -DeterministicMath.HalfPi),
                    CameraMode.ThirdPersonFollow => new CameraPose(
                        new Vector3(at - (facing * rig.Distance), ground + rig.Height),
                        heading,
                        -DeterministicMath.Atan2(rig.Height, MathF.Max(rig.Distance, 0.1f))),
                    _ => new CameraPose(new Vector3(at, ground + EyeHeight), heading, 0),
                };
            }
        }
    }
}
