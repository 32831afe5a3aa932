namespace TwinWorld.Simulation.Terrain.Files;

/// <summary>Builds a site from a heightmap and an optional land-use map, so real places can be simulated.</summary>
public static class TerrainFiles
{
    public static Site Import(TerrainImportOptions options)
    {
        var (width, height, cellSize, elevations) = ReadHeightmap(options);
        string path = options.HeightmapPath;
        if (width < 2 || height < 2 || width > 8192 || height > 8192)
        {
            throw new TerrainFileException(path, $"the grid is {width} x {height} cells; it must be 2 to 8192 each way");
        }
        if (!(cellSize > 0 && cellSize <= 1000))
        {
            throw new TerrainFileException(path, $"the cell size is {cellSize} m; it must be above 0 and at most 1000 m");
        }
        int bad = Array.FindIndex(elevations, e => !float.IsFinite(e));
        if (bad >= 0)
        {
            throw new TerrainFileException(path, $"the elevation at row {bad / width}, column {bad % width} is {elevations[bad]}; elevations must be finite (mark missing cells as NODATA)");
        }
        var terrain = new TerrainGrid(width, height, cellSize);
        for (int row = 0; row < height; row++)
        {
            for (int x = 0; x < width; x++)
            {
                // Files store the north row first; the grid stores the south row first.
                terrain.Elevation[terrain.Index(x, height - 1 - row)] = elevations[(row * width) + x];
            }
        }
        if (options.LandUsePath is { } landUsePath)
        {
            ReadLandUse(landUsePath, terrain);
        }
        else
        {
            for (int i = 0; i < terrain.CellCount; i++)
            {
                float e = terrain.Elevation[i];
                terrain.LandUse[i] = e < -2.5f ? LandUse.DeepWater : e <= 0 ? LandUse.ShallowWater : LandUse.Grass;
            }
        }
        terrain.FuelFromLandUse();
        return new Site(terrain, new Zones.ZoneMap(terrain.CellCount, []));
    }

    private static (int Width, int Height, float CellSize, float[] Elevations) ReadHeightmap(TerrainImportOptions options)
    {
        string path = options.HeightmapPath;
        if (IsAsciiGrid(path))
        {
            var grid = AsciiGrid.Read(path);
            // NODATA cells are taken as open sea at 5 m depth: DEM tiles leave the sea out.
            var elevations = grid.Values.Select(v => grid.IsNoData(v) ? -5f : (float)v).ToArray();
            return (grid.Columns, grid.Rows, (float)grid.CellSize, elevations);
        }
        if (options.CellSize is not { } cellSize)
        {
            throw new TerrainFileException(path, "a PNG heightmap needs its cell size in metres (it is not stored in the image)");
        }
        if (!(options.MaxElevation > options.MinElevation))
        {
            throw new TerrainFileException(path, $"MaxElevation ({options.MaxElevation}) must be above MinElevation ({options.MinElevation})");
        }
        var image = ReadPng(path);
        float scale = (options.MaxElevation - options.MinElevation) / image.MaxSample;
        return (image.Width, image.Height, cellSize, image.Samples.Select(s => options.MinElevation + (s * scale)).ToArray());
    }

    private static void ReadLandUse(string path, TerrainGrid terrain)
    {
        int width, height;
        double[] codes;
        if (IsAsciiGrid(path))
        {
            var grid = AsciiGrid.Read(path);
            (width, height, codes) = (grid.Columns, grid.Rows, grid.Values);
        }
        else
        {
            var image = ReadPng(path);
            (width, height, codes) = (image.Width, image.Height, image.Samples.Select(s => (double)s).ToArray());
        }
        if (width != terrain.Width || height != terrain.Height)
        {
            throw new TerrainFileException(path, $"the land-use map is {width} x {height} but the heightmap is {terrain.Width} x {terrain.Height}");
        }
        for (int i = 0; i < codes.Length; i++)
        {
            double code = codes[i];
            if (code != Math.Floor(code) || code < 0 || code >= LandUseTraits.Count)
            {
                var valid = string.Join(", ", Enum.GetValues<LandUse>().Select(u => $"{(int)u} {u}"));
                throw new TerrainFileException(path, $"cell at row {i / width}, column {i % width} has land-use code {code}; valid codes are {valid}");
            }
            terrain.LandUse[terrain.Index(i % width, height - 1 - (i / width))] = (LandUse)(byte)code;
        }
    }

    private static GrayImage ReadPng(string path)
    {
        TerrainFileException.ThrowIfUnreadable(path);
        return Png.ReadGray(path);
    }

    private static bool IsAsciiGrid(string path) => Path.GetExtension(path).Equals(".asc", StringComparison.OrdinalIgnoreCase);
}
