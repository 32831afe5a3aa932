using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Cameras;
using PlaceCamera = TwinWorld.Protocol.V1.PlaceCamera;
using PlacedCameraMode = TwinWorld.Protocol.V1.PlacedCameraMode;

namespace TwinWorld.Simulation.Commands;

/// <summary>
/// Places a camera that follows no one (fixed, overhead or free). Its name is unique among the world's cameras, so
/// frames, subscriptions and the CLI can name it; placed cameras are capped because each one's frames cost the generator.
/// </summary>
internal static class CameraPlace
{
    /// <summary>The most placed cameras a world holds (players' own cameras aside): far more than any scenario uses.</summary>
    public const int MaxPlaced = 64;

    private static readonly QueryDescription Placed = new QueryDescription().WithAll<CameraOwner>().WithNone<CameraAim>();

    public static string? Apply(Simulator simulation, PlaceCamera command)
    {
        var world = simulation.World;
        string name = command.Name.Trim();
        if (simulation.Site.Terrain.IndexAt(new Vector2(command.Position.X, command.Position.Y)) < 0)
        {
            return $"the camera position ({command.Position.X}, {command.Position.Y}) is not over the site";
        }
        if (NamedCameras.Find(world, name) is not null)
        {
            return $"a camera named '{name}' already exists";
        }
        if (world.CountEntities(Placed) >= MaxPlaced)
        {
            return $"the world already has {MaxPlaced} placed cameras, the most it holds";
        }
        var pose = new CameraPose(command.Position.ToVector3(), Compass.Yaw(command.Yaw), Compass.Pitch(command.Pitch));
        var lens = new CameraLens(command.Fov, (int)command.Resolution.Width, (int)command.Resolution.Height);
        simulation.AddCamera(ModeOf(command.Mode), pose, lens, name: name);
        return null;
    }

    private static CameraMode ModeOf(PlacedCameraMode mode) => mode switch
    {
        PlacedCameraMode.Overhead => CameraMode.Overhead,
        PlacedCameraMode.Free => CameraMode.Free,
        _ => CameraMode.Fixed,
    };
}
