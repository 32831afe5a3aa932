using TwinWorld.Replay.Reports;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Replay.Tests.Reports;

public class MapRasterTests
{
    private static (byte R, byte A) Pixel(byte[] rgba, int width, int x, int y) => (rgba[(((y * width) + x) * 4) + 0], rgba[(((y * width) + x) * 4) + 3]);

    [Fact]
    public void Maps_are_north_up_one_pixel_per_cell_with_cells_that_do_not_show_left_transparent()
    {
        var terrain = new TerrainGrid(4, 3, 2);
        var values = new float[terrain.CellCount];
        Array.Fill(values, float.PositiveInfinity);
        values[terrain.Index(0, 0)] = 10; // south-west corner
        values[terrain.Index(3, 2)] = 20; // north-east corner

        var rgba = MapRaster.Layer(terrain, values, float.IsFinite, MathF.Min, v => ((byte)v, 0, 0));

        Assert.Equal((4, 3), MapRaster.SizeOf(terrain));
        Assert.Equal(((byte)10, MapRaster.LayerAlpha), Pixel(rgba, 4, 0, 2));
        Assert.Equal(((byte)20, MapRaster.LayerAlpha), Pixel(rgba, 4, 3, 0));
        Assert.Equal(2, Enumerable.Range(0, 12).Count(i => rgba[(i * 4) + 3] != 0));
    }

    [Fact]
    public void Grids_over_1024_cells_a_side_combine_blocks_of_cells_into_one_pixel()
    {
        var terrain = new TerrainGrid(2100, 4, 2);
        var values = new float[terrain.CellCount];
        Array.Fill(values, float.PositiveInfinity);
        values[terrain.Index(0, 3)] = 50;
        values[terrain.Index(1, 3)] = 30;
        values[terrain.Index(2, 2)] = 40;
        values[terrain.Index(2099, 0)] = 7;

        var rgba = MapRaster.Layer(terrain, values, float.IsFinite, MathF.Min, v => ((byte)v, 0, 0));

        Assert.Equal((700, 2), MapRaster.SizeOf(terrain));
        Assert.Equal(700 * 2 * 4, rgba.Length);
        Assert.Equal(((byte)30, MapRaster.LayerAlpha), Pixel(rgba, 700, 0, 0));
        Assert.Equal(((byte)7, MapRaster.LayerAlpha), Pixel(rgba, 700, 699, 1));
        Assert.Equal(2, Enumerable.Range(0, 1400).Count(i => rgba[(i * 4) + 3] != 0));
        Assert.Equal(700 * 2 * 3, MapRaster.Backdrop(terrain).Length);
    }
}
