using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Generation.Conditions;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Zones;

namespace TwinWorld.Generation.Tests.Conditions;

/// <summary>
/// A small hand-laid coast (100 x 100 cells of 2 m) whose every cell a test can name: sea west of x = 60 m
/// (deep beyond 2.5 m), a sand beach to 70 m, then grass rising gently east; a 6 m road along y = 96..102 m,
/// a block of houses at 120..140 m each way, a plaza, a wood and a rocky outcrop.
/// </summary>
internal static class CoastSite
{
    public const float Cell = 2;
    // Cell centres, so a pixel whose centre is a little off still samples the same cell.
    public static readonly Vector2 Sea = new(21, 101);
    public static readonly Vector2 Road = new(151, 99);
    public static readonly Vector2 Houses = new(131, 131);
    public static readonly Vector2 Field = new(151, 61);

    public static Site Create()
    {
        var terrain = new TerrainGrid(100, 100, Cell);
        for (int y = 0; y < 100; y++)
        {
            for (int x = 0; x < 100; x++)
            {
                int i = terrain.Index(x, y);
                (terrain.Elevation[i], terrain.LandUse[i]) = x switch
                {
                    < 30 => (-0.5f - (0.3f * (30 - x)), -0.5f - (0.3f * (30 - x)) < -2.5f ? LandUse.DeepWater : LandUse.ShallowWater),
                    < 35 => (0.5f, LandUse.Sand),
                    _ when y is >= 48 and <= 50 => (1 + (0.05f * (x - 35)), LandUse.Road),
                    _ when x is >= 60 and < 70 && y is >= 60 and < 70 => (1 + (0.05f * (x - 35)), LandUse.Building),
                    _ when x is >= 40 and < 46 && y is >= 20 and < 26 => (1 + (0.05f * (x - 35)), LandUse.Plaza),
                    _ when x >= 85 && y < 40 => (1 + (0.05f * (x - 35)), LandUse.Forest),
                    _ when x is >= 90 and < 96 && y is >= 80 and < 86 => (1 + (0.05f * (x - 35)), LandUse.Rock),
                    _ => (1 + (0.05f * (x - 35)), LandUse.Grass),
                };
            }
        }
        terrain.FuelFromLandUse();
        return new Site(terrain, new ZoneMap(terrain.CellCount, []));
    }

    /// <summary>With the water on the terrain's own cells, so a test can set one cell's depth without its neighbours'.</summary>
    public static Simulation.Simulator Simulation()
    {
        var site = Create();
        return new(site, new SimulationOptions { Seed = 3, Workers = 1, WaterCellSize = site.Terrain.CellSize });
    }

    /// <summary>An overhead camera (looking straight down, "up" on screen along the yaw) at a height above the point.</summary>
    public static Entity Overhead(Simulation.Simulator simulation, Vector2 over, float height, float yaw = MathF.PI / 2, float fov = 60)
        => simulation.AddCamera(CameraMode.Overhead, new CameraPose(new Vector3(over, height), yaw, -MathF.PI / 2), new CameraLens(fov, 64, 64));

    /// <summary>A free camera at a point, looking along the yaw, pitched up from level (radians).</summary>
    public static Entity Looking(Simulation.Simulator simulation, Vector3 from, float yaw, float pitch, float fov = 60)
        => simulation.AddCamera(CameraMode.Free, new CameraPose(from, yaw, pitch), new CameraLens(fov, 64, 64));

    /// <summary>The pixel a ground point falls in.</summary>
    public static (int X, int Y) PixelOf(CameraConditions conditions, Vector2 at)
    {
        Assert.True(conditions.Projection.TryProject(new Vector3(at, 0), out var pixel, out _), $"{at} is behind the camera");
        return ((int)MathF.Floor(pixel.X), (int)MathF.Floor(pixel.Y));
    }

    public static LayoutClass ClassAt(CameraConditions conditions, Vector2 at)
    {
        var (x, y) = PixelOf(conditions, at);
        return conditions.ClassAt(x, y);
    }

    public static int Count(CameraConditions conditions, LayoutClass kind) => conditions.Layout.Count(c => c == (byte)kind);
}
