using System.Numerics;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Replay.Reports;

/// <summary>
/// Per-cell maps as images, north up (terrain row y = 0 is the south edge, so it becomes the bottom
/// row). One pixel per cell, or one per square block of cells on grids larger than
/// <see cref="MaxSide"/> each way, so a big site still makes a report of a sensible size.
/// </summary>
internal static class MapRaster
{
    public const int MaxSide = 1024;

    /// <summary>Opacity of hazard colours over the terrain: enough to read the colour, some relief shows through.</summary>
    public const byte LayerAlpha = 225;

    public static int Factor(TerrainGrid terrain) => Math.Max(1, (Math.Max(terrain.Width, terrain.Height) + MaxSide - 1) / MaxSide);

    public static (int Width, int Height) SizeOf(TerrainGrid terrain)
    {
        int f = Factor(terrain);
        return ((terrain.Width + f - 1) / f, (terrain.Height + f - 1) / f);
    }

    /// <summary>
    /// RGBA pixels: cells whose value shows get its colour, the rest stay transparent. A pixel over a
    /// block of cells takes the combination (the earliest arrival, the deepest water) of those that show.
    /// </summary>
    public static byte[] Layer(TerrainGrid terrain, float[] values, Func<float, bool> shows, Func<float, float, float> combine, Func<float, (byte R, byte G, byte B)> colour)
    {
        var (width, height) = SizeOf(terrain);
        int f = Factor(terrain);
        var rgba = new byte[width * height * 4];
        for (int py = 0; py < height; py++)
        {
            int yTop = terrain.Height - 1 - (py * f);
            int yBottom = Math.Max(0, yTop - f + 1);
            for (int px = 0; px < width; px++)
            {
                int x0 = px * f;
                int x1 = Math.Min(terrain.Width, x0 + f);
                bool any = false;
                float value = 0;
                for (int y = yTop; y >= yBottom; y--)
                {
                    for (int x = x0; x < x1; x++)
                    {
                        float v = values[terrain.Index(x, y)];
                        if (shows(v))
                        {
                            value = any ? combine(value, v) : v;
                            any = true;
                        }
                    }
                }
                if (any)
                {
                    var (r, g, b) = colour(value);
                    int at = ((py * width) + px) * 4;
                    (rgba[at], rgba[at + 1], rgba[at + 2], rgba[at + 3]) = (r, g, b, LayerAlpha);
                }
            }
        }
        return rgba;
    }

    /// <summary>
    /// RGB pixels of the ground, faint so hazard colours stand out on it: a pale colour per land use
    /// (sea blue-grey, buildings grey), shaded by the slope as if lit from the north-west.
    /// </summary>
    public static byte[] Backdrop(TerrainGrid terrain)
    {
        var (width, height) = SizeOf(terrain);
        int f = Factor(terrain);
        var rgb = new byte[width * height * 3];
        var light = Vector3.Normalize(new Vector3(-1, 1, 1.5f));
        float flat = Vector3.Dot(Vector3.UnitZ, light);
        for (int py = 0; py < height; py++)
        {
            int y = Math.Max(0, terrain.Height - 1 - (py * f) - (f / 2));
            for (int px = 0; px < width; px++)
            {
                int x = Math.Min(terrain.Width - 1, (px * f) + (f / 2));
                int cell = terrain.Index(x, y);
                float east = Slope(terrain, x, y, 1, 0);
                float north = Slope(terrain, x, y, 0, 1);
                var normal = Vector3.Normalize(new Vector3(-east, -north, 1));
                float shade = 1 + (0.6f * (Vector3.Dot(normal, light) - flat));
                var (r, g, b) = Ground(terrain.LandUse[cell]);
                int at = ((py * width) + px) * 3;
                rgb[at] = Shade(r, shade);
                rgb[at + 1] = Shade(g, shade);
                rgb[at + 2] = Shade(b, shade);
            }
        }
        return rgb;
    }

    private static float Slope(TerrainGrid terrain, int x, int y, int dx, int dy)
    {
        int xa = Math.Max(0, x - dx), ya = Math.Max(0, y - dy);
        int xb = Math.Min(terrain.Width - 1, x + dx), yb = Math.Min(terrain.Height - 1, y + dy);
        float run = ((xb - xa) + (yb - ya)) * terrain.CellSize;
        return (terrain.Elevation[terrain.Index(xb, yb)] - terrain.Elevation[terrain.Index(xa, ya)]) / run;
    }

    private static (byte R, byte G, byte B) Ground(LandUse use) => use switch
    {
        LandUse.DeepWater => (200, 214, 230),
        LandUse.ShallowWater => (214, 226, 238),
        LandUse.Sand => (240, 234, 216),
        LandUse.Grass => (228, 235, 220),
        LandUse.Shrub => (221, 229, 210),
        LandUse.Forest => (208, 222, 202),
        LandUse.Road => (248, 248, 246),
        LandUse.Building => (186, 186, 192),
        LandUse.Plaza => (238, 238, 236),
        _ => (222, 219, 214),
    };

    private static byte Shade(byte channel, float shade) => (byte)Math.Clamp(MathF.Round(channel * shade), 0, 255);
}
