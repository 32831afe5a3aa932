using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Simulation.Inputs;

/// <summary>
/// Gives a player its own camera: third-person, following its avatar, owned by the player and named
/// for it. It starts in place (no easing in from nowhere); the player turns it with a PlayerView (<see cref="ViewTurn"/>).
/// </summary>
public sealed record AddPlayerCamera(long Tick, long ClientId, string Name, CameraLens Lens) : SimulationInput(Tick)
{
    /// <summary>How far behind and above the avatar a third-person view sits (m): close enough to see the person, high enough to see past them.</summary>
    public const float Distance = 6, Height = 3;

    internal override string? ApplyTo(Simulator simulation)
    {
        if (RemoveAvatar.Find(simulation, ClientId) is not { } avatar)
        {
            return $"client {ClientId} has no avatar to follow";
        }
        if (PlayerCamera.Find(simulation, ClientId) is not null)
        {
            return $"client {ClientId} already has a camera";
        }
        var rig = new CameraRig(CameraMode.ThirdPersonFollow, avatar, Distance, Height);
        var pose = CameraSystem.Place(simulation, rig, default, 0)!.Value;
        var camera = simulation.AddCamera(rig.Mode, pose, Lens, ClientId, avatar, Distance, Height, Name);
        simulation.World.Add(camera, new CameraAim(0, 0));
        return null;
    }
}
