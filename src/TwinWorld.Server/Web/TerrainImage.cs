using System.Runtime.CompilerServices;
using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Terrain.Files;

namespace TwinWorld.Server.Web;

/// <summary>The land-use map as a PNG, one pixel per cell, north up (the site's y grows northwards, an image's rows downwards).</summary>
internal static class TerrainImage
{
    /// <summary>A colour per <see cref="LandUse"/> code, in code order.</summary>
    private static readonly byte[][] Colours =
    [
        [22, 62, 112],   // deep water
        [52, 112, 160],  // shallow water
        [222, 206, 150], // sand
        [134, 176, 92],  // grass
        [104, 140, 74],  // shrub
        [48, 96, 52],    // forest
        [120, 120, 120], // road
        [176, 150, 132], // building
        [200, 196, 186], // plaza
        [130, 118, 104], // rock
    ];

    /// <summary>Land use does not change while the server runs, so each grid is encoded once.</summary>
    private static readonly ConditionalWeakTable<TerrainGrid, byte[]> Encoded = [];

    public static byte[] Of(TerrainGrid terrain) => Encoded.GetValue(terrain, Encode);

    private static byte[] Encode(TerrainGrid terrain)
    {
        var rgb = new byte[terrain.CellCount * 3];
        for (int row = 0; row < terrain.Height; row++)
        {
            int y = terrain.Height - 1 - row;
            for (int x = 0; x < terrain.Width; x++)
            {
                var colour = Colours[Math.Min((int)terrain.LandUse[terrain.Index(x, y)], Colours.Length - 1)];
                colour.CopyTo(rgb, ((row * terrain.Width) + x) * 3);
            }
        }
        return Png.EncodeRgb(terrain.Width, terrain.Height, rgb);
    }
}
