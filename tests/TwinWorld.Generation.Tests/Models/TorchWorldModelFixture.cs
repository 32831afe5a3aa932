using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Frames;
using TwinWorld.Generation.Models;
using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Generation.Tests.Models;

/// <summary>
/// The fixture models tools/train/fixtures.py writes (6 high, 8 wide, 2 context frames, max_batch 4; probe, layout-only
/// and wrong-shape speak contract 1, probe-v2 contract 2), and inputs for them.
/// </summary>
internal static class TorchWorldModelFixture
{
    public const int Width = 8;
    public const int Height = 6;

    public static string Manifest(string name) => Path.Combine(AppContext.BaseDirectory, "Models", "TorchWorldModelFixtures", name + ".json");

    /// <summary>Conditions whose every value depends on the camera, the pixel and the channel, so a misplaced value shows.</summary>
    public static CameraConditions ConditionsFor(int camera, int width = Width, int height = Height)
    {
        int pixels = width * height;
        var layout = new byte[pixels];
        var continuous = new float[CameraConditions.ContinuousCount * pixels];
        var globals = new float[CameraConditions.GlobalCount];
        for (int i = 0; i < pixels; i++)
        {
            layout[i] = (byte)((i + (3 * camera)) % CameraConditions.LayoutClassCount);
            for (int c = 0; c < CameraConditions.ContinuousCount; c++)
            {
                continuous[(c * pixels) + i] = ((i * 7) + (c * 13) + camera) % 50 / 50f;
            }
        }
        for (int g = 0; g < globals.Length; g++)
        {
            globals[g] = (g + camera) % 5 / 5f;
        }
        var world = new float[CameraConditions.WorldCount * pixels];
        for (int i = 0; i < world.Length; i++)
        {
            world[i] = (i * 3.25f) + (camera * 100);
        }
        return new CameraConditions(new Entity(camera, 1), 100 + camera, width, height, new CameraPose(Vector3.Zero, 0, 0), false, layout, continuous, globals)
        {
            World = world,
        };
    }

    /// <summary>An image whose bytes depend on the seed, the pixel and the channel.</summary>
    public static RgbImage Frame(int seed)
    {
        var image = new RgbImage(Width, Height);
        for (int i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] = (byte)((i * 31) ^ (seed * 77));
        }
        return image;
    }
}
