using System.Runtime.InteropServices;
using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Simulation.Hazards.Water;

/// <summary>
/// The inundation record of a run, over land that was dry at the start: the deepest water each cell
/// has seen, and when water first stood there at least <see cref="FloodedDepth"/> deep. Both follow
/// from the water's history, which the state hash covers, so they are not hashed themselves.
/// </summary>
public sealed class FloodMaps
{
    /// <summary>Water this deep (m) counts a cell as flooded.</summary>
    public const float FloodedDepth = 0.1f;

    private readonly int _width;
    private readonly bool[] _land;
    private readonly (int First, int Last)[] _landColumns;
    private readonly List<int> _wetLand = [];
    private readonly List<float> _wetLandDepth = [];
    private float[] _rowDepths = [];

    public FloodMaps(TerrainGrid terrain, float stillLevel)
    {
        _width = terrain.Width;
        _land = terrain.Elevation.Select(e => e >= stillLevel).ToArray();
        _landColumns = new (int, int)[terrain.Height];
        for (int y = 0; y < terrain.Height; y++)
        {
            var row = _land.AsSpan(y * _width, _width);
            _landColumns[y] = (row.IndexOf(true) is var first and >= 0 ? first : _width, row.LastIndexOf(true));
        }
        MaxDepth = new float[terrain.CellCount];
        ArrivalSeconds = Enumerable.Repeat(float.PositiveInfinity, terrain.CellCount).ToArray();
    }

    /// <summary>The deepest water seen per cell (m); 0 at sea.</summary>
    public float[] MaxDepth { get; }

    /// <summary>Seconds into the run when each land cell first flooded; +infinity if it has not.</summary>
    public float[] ArrivalSeconds { get; }

    public int FloodedCells { get; private set; }

    /// <summary>Land cells under water right now.</summary>
    public int WetCells { get; private set; }

    public float DeepestWater { get; private set; }

    public bool IsLand(int cell) => _land[cell];

    /// <summary>Land cells under at least <see cref="FloodedDepth"/> of water after the last <see cref="Update"/>, in cell order (valid until the next).</summary>
    public ReadOnlySpan<int> WetLandCells => CollectionsMarshal.AsSpan(_wetLand);

    /// <summary>The depth (m) on each of <see cref="WetLandCells"/>.</summary>
    public ReadOnlySpan<float> WetLandDepths => CollectionsMarshal.AsSpan(_wetLandDepth);

    /// <summary>Takes in the water after a step that ended at the given time, visiting only land where the water may be.</summary>
    public void Update(WaterGrid water, float seconds)
    {
        _wetLand.Clear();
        _wetLandDepth.Clear();
        if (_rowDepths.Length < _width)
        {
            _rowDepths = new float[_width];
        }
        for (int y = 0; y < _landColumns.Length; y++)
        {
            var (first, last) = water.WetColumns(y);
            first = Math.Max(first, _landColumns[y].First);
            last = Math.Min(last, _landColumns[y].Last);
            if (first > last)
            {
                continue;
            }
            int start = (y * _width) + first;
            var depths = _rowDepths.AsSpan(0, last - first + 1);
            water.DepthsAt(start, depths);
            for (int i = 0; i < depths.Length; i++)
            {
                float h = depths[i];
                int cell = start + i;
                // Dry cells change nothing: their deepest water is already at least 0.
                if (h == 0 || !_land[cell])
                {
                    continue;
                }
                if (h > MaxDepth[cell])
                {
                    MaxDepth[cell] = h;
                    DeepestWater = MathF.Max(DeepestWater, h);
                }
                if (h >= FloodedDepth)
                {
                    _wetLand.Add(cell);
                    _wetLandDepth.Add(h);
                    if (float.IsPositiveInfinity(ArrivalSeconds[cell]))
                    {
                        ArrivalSeconds[cell] = seconds;
                        FloodedCells++;
                    }
                }
            }
        }
        WetCells = _wetLand.Count;
    }

    internal void Save(BinaryWriter writer)
    {
        writer.WriteArray<float>(MaxDepth);
        writer.WriteArray<float>(ArrivalSeconds);
        writer.Write(FloodedCells);
        writer.Write(WetCells);
        writer.Write(DeepestWater);
    }

    internal void Load(BinaryReader reader)
    {
        reader.ReadArrayInto<float>(MaxDepth);
        reader.ReadArrayInto<float>(ArrivalSeconds);
        FloodedCells = reader.ReadInt32();
        WetCells = reader.ReadInt32();
        DeepestWater = reader.ReadSingle();
    }
}
