using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Generation.Conditions;
using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Generation.Tests.Scheduling;

internal static class TestConditions
{
    public static Entity Camera(int id) => new(id, 1);

    /// <summary>Plain overhead conditions for a camera at a tick; the scheduler only reads their camera, tick and size.</summary>
    public static CameraConditions At(Entity camera, long tick, int size = ScriptedModel.Size)
        => CameraConditions.Blank(camera, tick, size, size, new CameraPose(new Vector3(0, 0, 100), 0, -MathF.PI / 2));
}
