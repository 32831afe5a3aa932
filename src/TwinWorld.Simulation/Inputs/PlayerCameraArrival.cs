using TwinWorld.Simulation.Cameras;
using AddPlayerCamera = TwinWorld.Protocol.V1.AddPlayerCamera;

namespace TwinWorld.Simulation.Inputs;

/// <summary>
/// Gives a player its own camera: third-person, following its avatar, owned by the player and named
/// for it. It starts in place (no easing in from nowhere); the player turns it with a PlayerView (<see cref="ViewTurn"/>).
/// </summary>
internal static class PlayerCameraArrival
{
    /// <summary>How far behind and above the avatar a third-person view sits (m): close enough to see the person, high enough to see past them.</summary>
    public const float Distance = 6, Height = 3;

    public static string? Apply(Simulator simulation, long clientId, AddPlayerCamera camera)
    {
        if (PlayerAvatar.Find(simulation, clientId) is not { } avatar)
        {
            return $"client {clientId} has no avatar to follow";
        }
        if (PlayerCamera.Find(simulation, clientId) is not null)
        {
            return $"client {clientId} already has a camera";
        }
        var rig = new CameraRig(CameraMode.ThirdPersonFollow, avatar, Distance, Height);
        var pose = CameraSystem.Place(simulation, rig, default, 0)!.Value;
        var lens = new CameraLens(camera.Fov, (int)camera.Resolution.Width, (int)camera.Resolution.Height);
        var entity = simulation.AddCamera(rig.Mode, pose, lens, clientId, avatar, Distance, Height, camera.Name);
        simulation.World.Add(entity, new CameraAim(0, 0));
        return null;
    }
}
