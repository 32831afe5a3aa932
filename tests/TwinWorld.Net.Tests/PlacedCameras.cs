using System.Numerics;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Commands;

namespace TwinWorld.Net.Tests;

/// <summary>The camera command (commands.proto's PlaceCamera) as the tests place cameras: compass degrees, a frame size.</summary>
internal static class PlacedCameras
{
    public static CommandInput Place(long tick, string name, Vector3 at, float yawDegrees, float pitchDegrees, int width, int height, PlacedCameraMode mode = PlacedCameraMode.Fixed)
        => new(tick, new WorldCommand
        {
            Camera = new PlaceCamera
            {
                Name = name, Mode = mode, Position = Point3.Of(at), Yaw = yawDegrees, Pitch = pitchDegrees,
                Resolution = new Resolution { Width = (uint)width, Height = (uint)height },
            },
        });
}
