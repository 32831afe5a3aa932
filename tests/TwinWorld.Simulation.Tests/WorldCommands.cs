using System.Numerics;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Commands;

namespace TwinWorld.Simulation.Tests;

/// <summary>The commands tests send most (commands.proto's alert, spawn and despawn over a disc, a placed camera), briefly.</summary>
internal static class WorldCommands
{
    public static CommandInput Alert(long tick, Vector2 centre, float radius, string shelter = "")
        => new(tick, new WorldCommand { Alert = new IssueAlert { Area = Disc(centre, radius), Shelter = shelter } });

    public static CommandInput Spawn(long tick, string kind, uint count, Vector2 centre, float radius)
        => new(tick, new WorldCommand { Spawn = new SpawnAgents { Kind = kind, Count = count, Area = Disc(centre, radius) } });

    public static CommandInput Despawn(long tick, uint count, Vector2 centre, float radius)
        => new(tick, new WorldCommand { Despawn = new DespawnAgents { Count = count, Area = Disc(centre, radius) } });

    public static CommandInput Camera(long tick, string name, PlacedCameraMode mode, Vector3 at, float yawDegrees, float pitchDegrees, int width, int height)
        => new(tick, new WorldCommand
        {
            Camera = new PlaceCamera
            {
                Name = name, Mode = mode, Position = Point3.Of(at), Yaw = yawDegrees, Pitch = pitchDegrees,
                Resolution = new Resolution { Width = (uint)width, Height = (uint)height },
            },
        });

    public static Area Disc(Vector2 centre, float radius) => new() { Disc = new Disc { Centre = Point.Of(centre), Radius = radius } };
}
