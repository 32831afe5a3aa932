using System.Numerics;
using System.Runtime.InteropServices;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Snapshots;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Simulation.Hazards.Water;

/// <summary>
/// The water as the rest of the world sees it: a depth and a speed per terrain cell. The
/// <see cref="Solver"/> runs on coarser water cells of <see cref="Factor"/> x <see cref="Factor"/>
/// terrain cells, whose bed is the mean of their ground and whose roughness the mean of their
/// Manning's n. A terrain cell's depth is its water cell's surface level over its own ground
/// (sub-grid downscaling, as in flood models that run coarser than their elevation data), so
/// shorelines and flood edges keep the terrain's detail. On 2 m terrain the default 4 m water cells
/// make an eighth of the work: a quarter of the cells, and the Courant condition allows steps twice
/// as long.
/// </summary>
public sealed class WaterGrid : IEvolvingState
{
    private readonly int _width;
    [NotState("from the site")]
    private readonly float[] _ground;
    [NotState("from the site")]
    private readonly int[] _waterCell;
    private bool _moving;

    /// <param name="factor">Terrain cells per water cell side; 1 runs the water on the terrain's own grid.</param>
    public WaterGrid(TerrainGrid terrain, int factor, int workers)
    {
        if (factor < 1 || factor > Math.Min(terrain.Width, terrain.Height))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, $"A water cell must span 1 to {Math.Min(terrain.Width, terrain.Height)} terrain cells.");
        }
        Factor = factor;
        _width = terrain.Width;
        _ground = terrain.Elevation;
        int width = (terrain.Width + factor - 1) / factor;
        int height = (terrain.Height + factor - 1) / factor;
        var bed = new double[width * height];
        var manning = new double[width * height];
        var count = new int[width * height];
        _waterCell = new int[terrain.CellCount];
        for (int y = 0; y < terrain.Height; y++)
        {
            for (int x = 0; x < terrain.Width; x++)
            {
                int cell = terrain.Index(x, y);
                int water = ((y / factor) * width) + (x / factor);
                _waterCell[cell] = water;
                bed[water] += terrain.Elevation[cell];
                manning[water] += LandUseTraits.Manning(terrain.LandUse[cell]);
                count[water]++;
            }
        }
        Solver = new ShallowWaterSolver(width, height, terrain.CellSize * factor,
            bed.Select((sum, i) => (float)(sum / count[i])).ToArray(),
            manning.Select((sum, i) => (float)(sum / count[i])).ToArray(), workers);
    }

    /// <summary>The shallow-water solver on the water cells: what is stepped, saved and hashed.</summary>
    public ShallowWaterSolver Solver { get; }

    /// <summary>Whether the water is stepped: from the first tsunami on (water at rest needs no work).</summary>
    public bool Moving { get => _moving; internal set => _moving = value; }

    /// <summary>Terrain cells per water cell side.</summary>
    public int Factor { get; }

    /// <summary>The water cell a terrain cell lies in.</summary>
    public int WaterCellOf(int cell) => _waterCell[cell];

    /// <summary>Water depth (m) on a terrain cell: its water cell's surface level over the cell's own ground, 0 where that is dry.</summary>
    public float DepthAt(int cell)
    {
        int water = _waterCell[cell];
        return Depth(Solver.Depth[water], Solver.Bed[water], _ground[cell]);
    }

    /// <summary>The depths of a run of terrain cells from <paramref name="firstCell"/> on, each as <see cref="DepthAt"/> gives it.</summary>
    public void DepthsAt(int firstCell, Span<float> depths)
    {
        var h = Solver.Depth;
        var bed = Solver.Bed;
        var waterCells = _waterCell.AsSpan(firstCell, depths.Length);
        var ground = _ground.AsSpan(firstCell, depths.Length);
        for (int i = 0; i < depths.Length; i++)
        {
            int water = waterCells[i];
            depths[i] = Depth(h[water], bed[water], ground[i]);
        }
    }

    /// <summary>Water speed (m/s) on a terrain cell: its water cell's, 0 where the cell is dry.</summary>
    public float SpeedAt(int cell) => DepthAt(cell) > 0 ? Solver.Speed(_waterCell[cell]) : 0;

    /// <summary>The terrain columns of a row that may hold water (empty when First > Last); every cell outside is dry.</summary>
    public (int First, int Last) WetColumns(int row)
    {
        var (first, last) = Solver.WetSpan(row / Factor);
        return first > last ? (_width, -1) : (first * Factor, Math.Min(_width - 1, ((last + 1) * Factor) - 1));
    }

    /// <summary>The bed's height over the cell's ground is added to the depth first, so on ground level with the bed the depth is exactly the water cell's.</summary>
    private static float Depth(float h, float bed, float ground) => h > 0 ? MathF.Max(0, h + (bed - ground)) : 0;

    /// <summary>Sets the water of the water cell that holds a terrain cell, so that this cell has the given depth and the cell moves with the given discharge (m^2/s): initial conditions, tests.</summary>
    public void SetWater(int cell, float depth, Vector2 discharge)
    {
        int water = _waterCell[cell];
        Solver.SetWater(water, MathF.Max(0, _ground[cell] + depth - Solver.Bed[water]), discharge);
    }

    public void Walk(StateWalk walk)
    {
        walk.Value(ref _moving);
        walk.Part(Solver);
    }
}
