using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Simulation.Inputs;

/// <summary>
/// A player switches its own camera between third-person follow and first person, and turns it: yaw and
/// pitch in radians relative to the avatar's heading and the mode's own pitch.
/// </summary>
public sealed record SetPlayerView(long Tick, long ClientId, CameraMode Mode, float Yaw, float Pitch) : SimulationInput(Tick)
{
    internal override string? ApplyTo(Simulation simulation)
    {
        if (Mode is not (CameraMode.ThirdPersonFollow or CameraMode.FirstPerson))
        {
            return $"a player's view is third-person follow or first person (got {Mode})";
        }
        if (!float.IsFinite(Yaw) || !(MathF.Abs(Pitch) <= CameraAim.MaxPitch))
        {
            return $"the view needs a finite yaw and a pitch of at most {CameraAim.MaxPitch} rad up or down (got {Yaw}, {Pitch})";
        }
        if (PlayerCamera.Find(simulation, ClientId) is not { } camera)
        {
            return $"client {ClientId} has no camera of its own";
        }
        var world = simulation.World;
        world.Set(camera, world.Get<CameraRig>(camera) with { Mode = Mode });
        world.Set(camera, new CameraAim(DeterministicMath.WrapAngle(Yaw), Pitch));
        return null;
    }
}
