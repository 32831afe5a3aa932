using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Frames;
using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Bench.Generation;

/// <summary>Inputs for the generation benchmarks: a frame with what camera frames have (shading, edges, grain) and plain conditions.</summary>
internal static class BenchFrames
{
    public static RgbImage Scene(int size)
    {
        var random = new Random(1);
        var image = new RgbImage(size, size);
        for (int y = 0; y < size; y++)
        {
            var row = image.Row(y);
            for (int x = 0; x < size; x++)
            {
                bool water = x < size / 3;
                bool building = x > size / 2 && y > size / 4 && y < size / 2;
                int grain = random.Next(-12, 13);
                (int r, int g, int b) = water ? (20, 60 + (120 * y / size), 160)
                    : building ? (170, 160, 150)
                    : (90 + grain, 140 + grain + (40 * x / size), 60 + grain);
                row[x * 3] = (byte)r;
                row[(x * 3) + 1] = (byte)g;
                row[(x * 3) + 2] = (byte)b;
            }
        }
        return image;
    }

    public static CameraConditions Conditions(Entity camera, long tick, int size)
        => CameraConditions.Blank(camera, tick, size, size, new CameraPose(new Vector3(0, 0, 100), 0, -MathF.PI / 2));
}
