using System.Runtime.InteropServices;
using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Simulation.Hazards.Water;

/// <summary>
/// The inundation record of a run, over land that was dry at the start: the deepest water each cell
/// has seen, and when water first stood there at least <see cref="FloodedDepth"/> deep.
/// </summary>
public sealed class FloodMaps : IEvolvingState
{
    /// <summary>Water this deep (m) counts a cell as flooded.</summary>
    public const float FloodedDepth = 0.1f;

    private readonly int _width;
    [NotState("from the site")]
    private readonly bool[] _land;
    [NotState("from the site")]
    private readonly (int First, int Last)[] _landColumns;
    private readonly List<int> _wetLand = [];
    private readonly List<float> _wetLandDepth = [];
    [NotState("scratch for one row")]
    private float[] _rowDepths = [];
    private int _floodedCells;
    private float _deepestWater;

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

    public int FloodedCells => _floodedCells;

    /// <summary>Land cells under water right now.</summary>
    public int WetCells => _wetLand.Count;

    public float DeepestWater => _deepestWater;

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
                    _deepestWater = MathF.Max(_deepestWater, h);
                }
                if (h >= FloodedDepth)
                {
                    _wetLand.Add(cell);
                    _wetLandDepth.Add(h);
                    if (float.IsPositiveInfinity(ArrivalSeconds[cell]))
                    {
                        ArrivalSeconds[cell] = seconds;
                        _floodedCells++;
                    }
                }
            }
        }
    }

    /// <summary>The record so far; the wet land of the last update follows from the water but is kept for readers before the next.</summary>
    public void Walk(StateWalk walk)
    {
        walk.Cells(MaxDepth);
        walk.Cells(ArrivalSeconds);
        walk.Value(ref _floodedCells);
        walk.Value(ref _deepestWater);
        walk.Derived(w =>
        {
            w.Items(_wetLand);
            w.Items(_wetLandDepth);
        });
    }
}
