using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Agents;

namespace TwinWorld.Simulation.Cameras;

/// <summary>
/// Keeps following cameras on their targets: overhead above it, third-person behind and above it,
/// first-person at its eyes. A camera whose target is gone stays where it last was. A player's own
/// camera (one with a <see cref="CameraAim"/>) is turned by its player and eases towards its place
/// (an exponential follow with time constant <see cref="FollowSeconds"/>, the same every tick), so
/// the view glides after the avatar instead of jerking with every step and turn.
/// </summary>
internal sealed class CameraSystem : ISimulationSystem
{
    public const float EyeHeight = 1.7f;

    /// <summary>How quickly a player's camera catches up: 63% of the way in this many seconds.</summary>
    public const float FollowSeconds = 0.3f;

    private static readonly QueryDescription Cameras = new QueryDescription().WithAll<CameraPose, CameraRig>();

    public string Name => "cameras";

    /// <summary>Cameras follow agents where they moved to.</summary>
    public IReadOnlyList<Type> RunsAfter => [typeof(ActSystem)];

    public void Update(Simulator simulation)
    {
        var world = simulation.World;
        float ease = 1 - DeterministicMath.Exp(-simulation.Dt / FollowSeconds);
        foreach (var chunk in world.GetChunks(Cameras))
        {
            var poses = chunk.GetSpan<CameraPose>();
            var rigs = chunk.GetSpan<CameraRig>();
            var aims = chunk.Has<CameraAim>() ? chunk.GetSpan<CameraAim>() : default;
            for (int i = 0; i < chunk.Count; i++)
            {
                if (Place(simulation, rigs[i], aims.IsEmpty ? default : aims[i], poses[i].Yaw) is not { } place)
                {
                    continue;
                }
                poses[i] = aims.IsEmpty ? place : Ease(poses[i], place, ease);
            }
        }
    }

    /// <summary>Where a following camera should be now, or null for one that stays put (fixed, free, or its target gone).</summary>
    internal static CameraPose? Place(Simulator simulation, CameraRig rig, CameraAim aim, float yaw)
    {
        var world = simulation.World;
        if (rig.Mode is CameraMode.Fixed or CameraMode.Free || !world.IsAlive(rig.Target) || !world.Has<Position>(rig.Target))
        {
            return null;
        }
        var at = world.Get<Position>(rig.Target).Value;
        float heading = DeterministicMath.WrapAngle((world.Has<Heading>(rig.Target) ? world.Get<Heading>(rig.Target).Radians : yaw) + aim.Yaw);
        float ground = simulation.Site.Terrain.ElevationAt(at);
        var facing = DeterministicMath.Direction(heading);
        return rig.Mode switch
        {
            CameraMode.Overhead => new CameraPose(new Vector3(at, ground + rig.Height), heading, -DeterministicMath.HalfPi),
            CameraMode.ThirdPersonFollow => new CameraPose(
                new Vector3(at - (facing * rig.Distance), ground + rig.Height),
                heading,
                Math.Clamp(aim.Pitch - DeterministicMath.Atan2(rig.Height, MathF.Max(rig.Distance, 0.1f)), -CameraAim.MaxPitch, CameraAim.MaxPitch)),
            _ => new CameraPose(new Vector3(at, ground + EyeHeight), heading, aim.Pitch),
        };
    }

    /// <summary>A step of the way from where a camera is to where it should be; the yaw turns the short way round.</summary>
    private static CameraPose Ease(CameraPose from, CameraPose to, float ease)
        => new(
            from.Position + ((to.Position - from.Position) * ease),
            DeterministicMath.WrapAngle(from.Yaw + (DeterministicMath.WrapAngle(to.Yaw - from.Yaw) * ease)),
            from.Pitch + ((to.Pitch - from.Pitch) * ease));
}
