namespace TwinWorld.Simulation.Cameras;

public enum CameraMode
{
    /// <summary>Stays where it was put.</summary>
    Fixed = 0,
    /// <summary>Looks straight down from <see cref="CameraRig.Height"/> above its target (or where it is).</summary>
    Overhead = 1,
    /// <summary>Behind and above its target, looking along the target's heading.</summary>
    ThirdPersonFollow = 2,
    /// <summary>At the target agent's eye height, looking where it faces.</summary>
    FirstPerson = 3,
    /// <summary>Moved by its owner's inputs.</summary>
    Free = 4,
}
