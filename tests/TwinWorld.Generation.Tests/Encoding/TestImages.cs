using TwinWorld.Generation.Frames;

namespace TwinWorld.Generation.Tests.Encoding;

/// <summary>Images with what camera frames have: smooth shading, hard edges between regions, and fine texture.</summary>
internal static class TestImages
{
    public static RgbImage Scene(int width, int height, int seed = 1)
    {
        var random = new Random(seed);
        var image = new RgbImage(width, height);
        for (int y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (int x = 0; x < width; x++)
            {
                bool water = x < width / 3;
                bool building = x > width / 2 && y > height / 4 && y < height / 2;
                int grain = random.Next(-12, 13);
                (int r, int g, int b) = water ? (20, 60 + (120 * y / height), 160)
                    : building ? (170, 160, 150)
                    : (90 + grain, 140 + grain + (40 * x / width), 60 + grain);
                row[x * 3] = (byte)r;
                row[(x * 3) + 1] = (byte)g;
                row[(x * 3) + 2] = (byte)b;
            }
        }
        return image;
    }
}
