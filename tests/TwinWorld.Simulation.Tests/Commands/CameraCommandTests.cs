using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Simulation.Commands;
using PlacedCameraMode = TwinWorld.Protocol.V1.PlacedCameraMode;

namespace TwinWorld.Simulation.Tests.Commands;

/// <summary>The camera command: where a placed camera goes and how it looks, and what the world refuses.</summary>
public class CameraCommandTests
{
    private static readonly string[] Yard = [.. Enumerable.Range(0, 42).Select(y => y is 0 or 41 ? new string('#', 84) : "#" + new string('.', 82) + "#")];

    private static Simulator NewYard() => new(Layout.Build(0.5f, Yard), new SimulationOptions { Seed = 3, Workers = 1 });

    [Fact]
    public void A_camera_stands_where_it_is_placed_looking_along_its_compass_bearing_with_its_lens()
    {
        var simulation = NewYard();
        simulation.Inputs.Enqueue(WorldCommands.Camera(0, "gate", PlacedCameraMode.Fixed, new Vector3(5, 6, 12), 90, -30, 320, 180));

        var report = simulation.Step();

        Assert.Empty(report.Rejected);
        var camera = NamedCameras.Find(simulation.World, "GATE")!.Value; // names ignore case
        var pose = simulation.World.Get<CameraPose>(camera);
        Assert.Equal(new Vector3(5, 6, 12), pose.Position);
        Assert.Equal(0, pose.Yaw, 6);                       // compass 90 (east) is yaw 0
        Assert.Equal(-MathF.PI / 6, pose.Pitch, 6);
        Assert.Equal(new CameraLens(60, 320, 180), simulation.World.Get<CameraLens>(camera)); // the declared field of view
        Assert.Equal(CameraMode.Fixed, simulation.World.Get<CameraRig>(camera).Mode);
    }

    [Fact]
    public void A_camera_without_a_resolution_gets_the_declared_256_by_256()
    {
        var simulation = NewYard();
        var command = WorldCommands.Camera(0, "top", PlacedCameraMode.Overhead, new Vector3(20, 10, 80), 0, -90, 8, 8);
        command.Command.Camera.Resolution = null;
        simulation.Inputs.Enqueue(new CommandInput(0, command.Command));

        simulation.Step();

        var camera = NamedCameras.Find(simulation.World, "top")!.Value;
        Assert.Equal(new CameraLens(60, 256, 256), simulation.World.Get<CameraLens>(camera));
        Assert.Equal(CameraMode.Overhead, simulation.World.Get<CameraRig>(camera).Mode);
    }

    [Fact]
    public void A_second_camera_of_a_name_one_off_the_site_and_one_past_the_most_are_refused_and_the_run_goes_on()
    {
        var simulation = NewYard();
        for (int i = 0; i < 64; i++)
        {
            simulation.Inputs.Enqueue(WorldCommands.Camera(0, $"c{i}", PlacedCameraMode.Fixed, new Vector3(10, 10, 5), 0, 0, 64, 64));
        }
        simulation.Inputs.Enqueue(WorldCommands.Camera(0, "C1", PlacedCameraMode.Fixed, new Vector3(10, 10, 5), 0, 0, 64, 64));
        simulation.Inputs.Enqueue(WorldCommands.Camera(0, "far", PlacedCameraMode.Fixed, new Vector3(10, 900, 5), 0, 0, 64, 64));
        simulation.Inputs.Enqueue(WorldCommands.Camera(0, "one too many", PlacedCameraMode.Fixed, new Vector3(10, 10, 5), 0, 0, 64, 64));

        var report = simulation.Step();

        Assert.Equal(
            ["a camera named 'C1' already exists", "the camera position (10, 900) is not over the site", "the world already has 64 placed cameras, the most it holds"],
            report.Rejections.Select(r => r.Reason));
        Assert.Equal(64, simulation.World.CountEntities(new QueryDescription().WithAll<CameraName>()));
        simulation.Step();
    }
}
