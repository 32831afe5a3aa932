using System.Numerics;
using TwinWorld.Simulation.Zones;

namespace TwinWorld.Simulation.Terrain;

/// <summary>
/// Generates a coastal town: sea to the west, a sand beach, a low coastal plain with a grid of
/// roads, buildings, a school and workplaces, and wooded hills to the east with a shelter (an
/// assembly plaza) on each hilltop, linked to the town by roads. Seeded and deterministic.
/// </summary>
public static class ProceduralTown
{
    private const int RoadWidth = 3;

    /// <summary>Where the town's people are at the start of a day: streets, yards and squares on low ground.</summary>
    public static bool IsLowGround(TerrainGrid terrain, int cell)
        => terrain.Elevation[cell] < 8 && terrain.LandUse[cell] is LandUse.Road or LandUse.Grass or LandUse.Plaza;

    public static Site Generate(ProceduralTownOptions options)
    {
        if (options.Size < 128)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The procedural town needs at least 128 x 128 cells.");
        }
        var rng = new DeterministicRandom(options.Seed);
        var terrain = new TerrainGrid(options.Size, options.Size, options.CellSize);
        var noise = new ValueNoise(rng.NextULong());
        int n = options.Size;
        float cs = options.CellSize;

        // The coastline wanders around 18% of the width; beach 30 m wide.
        float phase = rng.NextFloat(0, DeterministicMath.TwoPi);
        int[] coast = new int[n];
        for (int y = 0; y < n; y++)
        {
            float wave = DeterministicMath.Sin(phase + (y * 6f / n)) * n * 0.03f;
            coast[y] = (int)((n * 0.18f) + wave + (noise.At(0.5f, y * 0.05f) * n * 0.02f));
        }
        int beach = Math.Max(4, (int)(30 / cs));

        var hills = PlaceHills(ref rng, options.Shelters, n);
        for (int y = 0; y < n; y++)
        {
            for (int x = 0; x < n; x++)
            {
                int i = terrain.Index(x, y);
                float fromCoast = (x - coast[y]) * cs;
                float elevation;
                LandUse use;
                if (fromCoast < 0)
                {
                    elevation = fromCoast * 0.04f;
                    use = elevation > -2.5f ? LandUse.ShallowWater : LandUse.DeepWater;
                }
                else
                {
                    elevation = (fromCoast * 0.012f) + (noise.At(x * 0.02f, y * 0.02f) * 1.5f);
                    foreach (var hill in hills)
                    {
                        float d2 = Vector2.DistanceSquared(new Vector2(x, y), hill.Centre) / (hill.Radius * hill.Radius);
                        if (d2 < 1)
                        {
                            elevation += hill.Height * (1 - d2) * (1 - d2);
                        }
                    }
                    elevation = MathF.Max(elevation, 0.2f);
                    use = x - coast[y] < beach ? LandUse.Sand
                        : elevation > 14 && noise.At(x * 0.05f + 7, y * 0.05f) > 0.35f ? LandUse.Forest
                        : elevation > 9 ? LandUse.Shrub
                        : LandUse.Grass;
                }
                terrain.Elevation[i] = elevation;
                terrain.LandUse[i] = use;
            }
        }

        var zones = new List<Zone>();
        int townWest = coast.Max() + beach + 2;
        int townEast = (int)(n * 0.55f);
        BuildTown(terrain, ref rng, townWest, townEast, (int)(options.BlockSize / cs), zones);
        foreach (var hill in hills)
        {
            BuildShelter(terrain, hill, townEast, zones);
        }
        terrain.FuelFromLandUse();
        return new Site(terrain, new ZoneMap(terrain.CellCount, zones));
    }

    private static List<Hill> PlaceHills(ref DeterministicRandom rng, int count, int n)
    {
        var hills = new List<Hill>();
        for (int k = 0; k < count; k++)
        {
            float y = n * (0.12f + (0.76f * (k + 0.5f) / count)) + rng.NextFloat(-0.04f, 0.04f) * n;
            float x = n * rng.NextFloat(0.68f, 0.86f);
            hills.Add(new Hill(new Vector2(x, y), n * rng.NextFloat(0.10f, 0.16f), rng.NextFloat(25, 45)));
        }
        return hills;
    }

    /// <summary>A road grid with a coast road; blocks of four lots with houses; a school and workplaces.</summary>
    private static void BuildTown(TerrainGrid terrain, ref DeterministicRandom rng, int west, int east, int block, List<Zone> zones)
    {
        int south = terrain.Height / 10;
        int north = terrain.Height - south;
        for (int y = south; y < north; y++)
        {
            for (int x = west; x < east; x++)
            {
                bool road = (x - west) % block < RoadWidth || (y - south) % block < RoadWidth;
                terrain.LandUse[terrain.Index(x, y)] = road ? LandUse.Road : LandUse.Grass;
            }
        }
        var blocks = new List<(int X, int Y)>();
        for (int by = south + RoadWidth; by + block - RoadWidth <= north; by += block)
        {
            for (int bx = west + RoadWidth; bx + block - RoadWidth <= east; bx += block)
            {
                blocks.Add((bx, by));
            }
        }
        int inner = block - RoadWidth;
        int school = blocks.Count / 2;
        var workplaces = new HashSet<int> { blocks.Count / 5, (blocks.Count * 4) / 5 };
        for (int b = 0; b < blocks.Count; b++)
        {
            var (bx, by) = blocks[b];
            if (b == school)
            {
                Fill(terrain, bx + 2, by + 2, inner / 2, inner - 4, LandUse.Building);
                zones.Add(MakeZone(terrain, zones.Count, "school", ZoneKind.School, bx + (inner / 2) + 2, by + 2, inner / 2 - 4, inner - 4));
            }
            else if (workplaces.Contains(b))
            {
                zones.Add(MakeZone(terrain, zones.Count, $"market-{zones.Count(z => z.Kind == ZoneKind.Workplace) + 1}", ZoneKind.Workplace, bx + 2, by + 2, inner - 4, inner - 4));
            }
            else if (rng.Chance(0.88f))
            {
                int lot = inner / 2;
                for (int ly = 0; ly < 2; ly++)
                {
                    for (int lx = 0; lx < 2; lx++)
                    {
                        int margin = 2 + rng.NextInt(2);
                        Fill(terrain, bx + (lx * lot) + margin, by + (ly * lot) + margin, lot - (2 * margin), lot - (2 * margin), LandUse.Building);
                    }
                }
            }
        }
    }

    /// <summary>A round plaza on the hilltop, and a road to it from the town's eastern edge.</summary>
    private static void BuildShelter(TerrainGrid terrain, Hill hill, int townEast, List<Zone> zones)
    {
        int cx = (int)hill.Centre.X;
        int cy = (int)hill.Centre.Y;
        for (int x = townEast - RoadWidth; x <= cx; x++)
        {
            Fill(terrain, x, cy - 1, 1, 2, LandUse.Road);
        }
        const int radius = 8;
        var cells = new List<int>();
        for (int y = cy - radius; y <= cy + radius; y++)
        {
            for (int x = cx - radius; x <= cx + radius; x++)
            {
                if (terrain.Contains(x, y) && ((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= radius * radius)
                {
                    terrain.LandUse[terrain.Index(x, y)] = LandUse.Plaza;
                    cells.Add(terrain.Index(x, y));
                }
            }
        }
        var centre = terrain.CellCentre(terrain.Index(cx, cy));
        zones.Add(new Zone(zones.Count, $"shelter-{zones.Count(z => z.Kind == ZoneKind.Shelter) + 1}", ZoneKind.Shelter, centre, [.. cells]));
    }

    private static Zone MakeZone(TerrainGrid terrain, int id, string name, ZoneKind kind, int x0, int y0, int w, int h)
    {
        Fill(terrain, x0, y0, w, h, LandUse.Plaza);
        var cells = new List<int>();
        for (int y = y0; y < y0 + h; y++)
        {
            for (int x = x0; x < x0 + w; x++)
            {
                cells.Add(terrain.Index(x, y));
            }
        }
        var centre = new Vector2((x0 + (w / 2f)) * terrain.CellSize, (y0 + (h / 2f)) * terrain.CellSize);
        return new Zone(id, name, kind, centre, [.. cells]);
    }

    private static void Fill(TerrainGrid terrain, int x0, int y0, int w, int h, LandUse use)
    {
        for (int y = y0; y < y0 + h; y++)
        {
            for (int x = x0; x < x0 + w; x++)
            {
                if (terrain.Contains(x, y))
                {
                    terrain.LandUse[terrain.Index(x, y)] = use;
                }
            }
        }
    }

    private readonly record struct Hill(Vector2 Centre, float Radius, float Height);
}
