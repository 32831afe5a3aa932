using System.Numerics;
using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Simulation.Inputs;

/// <summary>Adds a camera that follows no one: fixed, free, or overhead where it is put, and its name if it has one. Angles in radians.</summary>
public sealed record PlaceCamera(long Tick, CameraMode Mode, Vector3 Position, float Yaw, float Pitch, CameraLens Lens, string? Name = null) : SimulationInput(Tick)
{
    internal override string? ApplyTo(Simulator simulation)
    {
        if (Mode is not (CameraMode.Fixed or CameraMode.Free or CameraMode.Overhead))
        {
            return $"a placed camera must be fixed, free or overhead (got {Mode})";
        }
        if (!(float.IsFinite(Position.X) && float.IsFinite(Position.Y) && float.IsFinite(Position.Z) && float.IsFinite(Yaw) && float.IsFinite(Pitch)))
        {
            return "the camera pose is not finite";
        }
        if (!(Lens.FieldOfViewDegrees is >= 1 and <= 170) || Lens.Width is < 8 or > 4096 || Lens.Height is < 8 or > 4096)
        {
            return $"the lens needs a field of view of 1 to 170 degrees and 8 to 4096 pixels each way (got {Lens})";
        }
        simulation.AddCamera(Mode, new CameraPose(Position, Yaw, Pitch), Lens, name: Name);
        return null;
    }
}
