using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Terrain.Files;

namespace TwinWorld.Simulation.Tests;

public sealed class TerrainFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("twinworld-terrain-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    [Fact]
    public void An_ascii_grid_heightmap_imports_north_row_first_with_its_cell_size()
    {
        File.WriteAllText(PathOf("dem.asc"), """
            ncols 3
            nrows 2
            xllcorner 0
            yllcorner 0
            cellsize 5
            NODATA_value -9999
            10 20 30
            -9999 2.5 4
            """);

        var site = TerrainFiles.Import(new TerrainImportOptions { HeightmapPath = PathOf("dem.asc") });

        var t = site.Terrain;
        Assert.Equal((3, 2, 5f), (t.Width, t.Height, t.CellSize));
        Assert.Equal(10f, t.Elevation[t.Index(0, 1)]);
        Assert.Equal(4f, t.Elevation[t.Index(2, 0)]);
        Assert.Equal(-5f, t.Elevation[t.Index(0, 0)]);
        Assert.Equal(LandUse.DeepWater, t.LandUse[t.Index(0, 0)]);
        Assert.Equal(LandUse.Grass, t.LandUse[t.Index(1, 0)]);
    }

    [Fact]
    public void A_16_bit_png_heightmap_and_an_8_bit_land_use_map_import_together()
    {
        ushort[] heights = [0, 65535, 32768, 16384];
        Png.WriteGray16(PathOf("dem.png"), 2, 2, heights);
        Png.WriteGray8(PathOf("use.png"), 2, 2, [(byte)LandUse.Road, (byte)LandUse.Forest, (byte)LandUse.Building, (byte)LandUse.Sand]);

        var site = TerrainFiles.Import(new TerrainImportOptions
        {
            HeightmapPath = PathOf("dem.png"),
            LandUsePath = PathOf("use.png"),
            CellSize = 2,
            MinElevation = -10,
            MaxElevation = 90,
        });

        var t = site.Terrain;
        Assert.Equal(-10f, t.Elevation[t.Index(0, 1)]);
        Assert.Equal(90f, t.Elevation[t.Index(1, 1)]);
        Assert.Equal(-10 + (100 * 16384 / 65535f), t.Elevation[t.Index(1, 0)], 3);
        Assert.Equal(LandUse.Forest, t.LandUse[t.Index(1, 1)]);
        Assert.Equal(10, t.Fuel[t.Index(1, 1)]);
        Assert.Equal(LandUse.Building, t.LandUse[t.Index(0, 0)]);
    }

    [Fact]
    public void Png_round_trips_16_bit_samples_exactly()
    {
        var samples = Enumerable.Range(0, 300 * 7).Select(i => (ushort)(i * 31 % 65536)).ToArray();
        Png.WriteGray16(PathOf("r.png"), 300, 7, samples);

        var image = Png.ReadGray(PathOf("r.png"));

        Assert.Equal((300, 7, 16), (image.Width, image.Height, image.BitDepth));
        Assert.Equal(samples, image.Samples);
    }

    [Theory]
    [InlineData("gray16")]
    [InlineData("gray8")]
    public void Pngs_from_another_encoder_decode_to_its_own_samples(string name)
    {
        string fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        var image = Png.ReadGray(Path.Combine(fixtures, name + ".png"));
        var raw = File.ReadAllBytes(Path.Combine(fixtures, name + ".raw"));

        var expected = image.BitDepth == 16
            ? Enumerable.Range(0, raw.Length / 2).Select(i => (ushort)((raw[2 * i] << 8) | raw[(2 * i) + 1])).ToArray()
            : raw.Select(b => (ushort)b).ToArray();
        Assert.Equal((37, 23), (image.Width, image.Height));
        Assert.Equal(expected, image.Samples);
    }

    [Fact]
    public void A_corrupt_png_is_refused_with_the_file_and_the_reason()
    {
        Png.WriteGray8(PathOf("c.png"), 4, 4, new byte[16]);
        var bytes = File.ReadAllBytes(PathOf("c.png"));
        bytes[40] ^= 0xFF;
        File.WriteAllBytes(PathOf("c.png"), bytes);

        var error = Assert.Throws<TerrainFileException>(() => TerrainFiles.Import(new TerrainImportOptions { HeightmapPath = PathOf("c.png"), CellSize = 1 }));

        Assert.Contains("c.png", error.Message);
        Assert.Contains("CRC", error.Message);
    }

    [Theory]
    [InlineData("ncols 2\nnrows 2\ncellsize 1\n1 2\n3\n", "expected 2 x 2 = 4 values, found 3")]
    [InlineData("ncols 2\nnrows 2\n1 2\n3 4\n", "no 'cellsize' line")]
    [InlineData("ncols 2\nnrows 2\ncellsize 1\n1 x\n3 4\n", ":4: 'x' is not a number")]
    [InlineData("ncols two\n", ":1: header line 'ncols two'")]
    public void Broken_ascii_grids_say_what_is_wrong_and_where(string text, string expected)
    {
        File.WriteAllText(PathOf("bad.asc"), text);

        var error = Assert.Throws<TerrainFileException>(() => TerrainFiles.Import(new TerrainImportOptions { HeightmapPath = PathOf("bad.asc") }));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("ncols 9000\nnrows 2\ncellsize 1\n", "9000 x 2 cells")]
    [InlineData("ncols 2\nnrows 2\ncellsize 0\n1 2\n3 4\n", "cell size is 0 m")]
    [InlineData("ncols 2\nnrows 2\ncellsize 1\n1 2\n3 1e300\n", "row 1, column 1 is")]
    [InlineData("ncols 2\nnrows 2\ncellsize 1\nfoo 3\n1 2\n3 4\n", "unknown header key 'foo'")]
    public void Out_of_range_grids_are_refused_before_anything_is_allocated(string text, string expected)
    {
        if (text.StartsWith("ncols 9000", StringComparison.Ordinal))
        {
            text += string.Join("\n", Enumerable.Repeat(string.Join(" ", Enumerable.Repeat("1", 9000)), 2));
        }
        File.WriteAllText(PathOf("range.asc"), text);

        var error = Assert.Throws<TerrainFileException>(() => TerrainFiles.Import(new TerrainImportOptions { HeightmapPath = PathOf("range.asc") }));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_nan_nodata_value_marks_cells_as_sea()
    {
        File.WriteAllText(PathOf("nan.asc"), "ncols 2\nnrows 2\ncellsize 1\nNODATA_value nan\nnan 2\n3 4\n");

        var t = TerrainFiles.Import(new TerrainImportOptions { HeightmapPath = PathOf("nan.asc") }).Terrain;

        Assert.Equal(-5f, t.Elevation[t.Index(0, 1)]);
    }

    [Fact]
    public void Malformed_png_chunks_are_refused_as_file_errors()
    {
        // Valid CRCs, so the structure checks themselves are what must catch these.
        byte[] shortHeader = [.. PngSignature, .. Chunk("IHDR", new byte[12]), .. Chunk("IEND", [])];
        byte[] hugeLength = [.. PngSignature, 0x7F, 0xFF, 0xFF, 0xFF, (byte)'I', (byte)'D', (byte)'A', (byte)'T', 0, 0, 0, 0];
        File.WriteAllBytes(PathOf("short.png"), shortHeader);
        File.WriteAllBytes(PathOf("huge.png"), hugeLength);

        Assert.Contains("IHDR chunk is 12 bytes", Assert.Throws<TerrainFileException>(() => Png.ReadGray(PathOf("short.png"))).Message);
        Assert.Contains("truncated chunk", Assert.Throws<TerrainFileException>(() => Png.ReadGray(PathOf("huge.png"))).Message);
    }

    private static readonly byte[] PngSignature = [137, 80, 78, 71, 13, 10, 26, 10];

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        var chunk = new byte[12 + data.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeBytes.CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), System.IO.Hashing.Crc32.HashToUInt32([.. typeBytes, .. data]));
        return chunk;
    }

    [Fact]
    public void A_land_use_map_of_the_wrong_size_or_with_unknown_codes_is_refused()
    {
        File.WriteAllText(PathOf("dem.asc"), "ncols 2\nnrows 2\ncellsize 1\n1 2\n3 4\n");
        File.WriteAllText(PathOf("small.asc"), "ncols 2\nnrows 3\ncellsize 1\n1 2\n3 4\n5 6\n");
        File.WriteAllText(PathOf("codes.asc"), "ncols 2\nnrows 2\ncellsize 1\n1 2\n3 42\n");

        var size = Assert.Throws<TerrainFileException>(() => TerrainFiles.Import(new TerrainImportOptions { HeightmapPath = PathOf("dem.asc"), LandUsePath = PathOf("small.asc") }));
        var code = Assert.Throws<TerrainFileException>(() => TerrainFiles.Import(new TerrainImportOptions { HeightmapPath = PathOf("dem.asc"), LandUsePath = PathOf("codes.asc") }));

        Assert.Contains("2 x 3 but the heightmap is 2 x 2", size.Message);
        Assert.Contains("land-use code 42", code.Message);
        Assert.Contains("6 Road", code.Message);
    }

    [Fact]
    public void Missing_files_and_png_heightmaps_without_a_cell_size_are_refused()
    {
        Png.WriteGray16(PathOf("dem.png"), 2, 2, new ushort[4]);

        Assert.Contains("no such file", Assert.Throws<TerrainFileException>(() => TerrainFiles.Import(new TerrainImportOptions { HeightmapPath = PathOf("none.asc") })).Message);
        Assert.Contains("cell size", Assert.Throws<TerrainFileException>(() => TerrainFiles.Import(new TerrainImportOptions { HeightmapPath = PathOf("dem.png") })).Message);
    }
}
