using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Simulation.Inputs;

/// <summary>Moves a free camera (its owner's input).</summary>
public sealed record SetCameraPose(long Tick, Entity Camera, Vector3 Position, float Yaw, float Pitch) : SimulationInput(Tick)
{
    internal override string? ApplyTo(Simulator simulation)
    {
        var world = simulation.World;
        if (!world.IsAlive(Camera) || !world.Has<CameraRig>(Camera))
        {
            return $"{Camera} is not a camera";
        }
        if (world.Get<CameraRig>(Camera).Mode != CameraMode.Free)
        {
            return $"{Camera} is not a free camera";
        }
        if (!(float.IsFinite(Position.X) && float.IsFinite(Position.Y) && float.IsFinite(Position.Z) && float.IsFinite(Yaw) && float.IsFinite(Pitch)))
        {
            return "the camera pose is not finite";
        }
        world.Set(Camera, new CameraPose(Position, Yaw, Pitch));
        return null;
    }
}
