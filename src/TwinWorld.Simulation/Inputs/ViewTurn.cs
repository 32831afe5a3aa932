using TwinWorld.Protocol.State;
using TwinWorld.Simulation.Cameras;
using PlayerView = TwinWorld.Protocol.V1.PlayerView;

namespace TwinWorld.Simulation.Inputs;

/// <summary>
/// A player switches its own camera between third-person follow and first person, and turns it: yaw and pitch in
/// heading steps relative to the avatar's heading and the mode's own pitch.
/// </summary>
internal static class ViewTurn
{
    public static string? Apply(Simulator simulation, long clientId, PlayerView view)
    {
        var mode = (CameraMode)(int)view.Mode;
        if (mode is not (CameraMode.ThirdPersonFollow or CameraMode.FirstPerson))
        {
            return $"a player's view is third-person follow or first person (got {view.Mode})";
        }
        if (PlayerCamera.Find(simulation, clientId) is not { } camera)
        {
            return $"client {clientId} has no camera of its own";
        }
        var world = simulation.World;
        float yaw = Quantisation.Radians((int)(view.Yaw % Quantisation.HeadingSteps));
        world.Set(camera, world.Get<CameraRig>(camera) with { Mode = mode });
        world.Set(camera, new CameraAim(DeterministicMath.WrapAngle(yaw), Quantisation.Radians(view.Pitch)));
        return null;
    }
}
