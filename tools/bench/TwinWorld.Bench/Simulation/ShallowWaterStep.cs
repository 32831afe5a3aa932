using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using TwinWorld.Simulation.Hazards.Water;

namespace TwinWorld.Bench.Simulation;

/// <summary>
/// One 0.05 s water step (a 20 Hz tick) of a 1,024 m square coastal town on both cores, on water cells of 2 m (the
/// terrain's, 512 x 512) or 4 m (the default, 256 x 256): a sea over the western 20% shelving at 1:25 to 8 m deep, a
/// town of 10 m blocks on a plain rising inland, and a 3 m, 120 s wave train from the west. Setup runs the first
/// 90 s so the wave is running up through the streets; each measured step continues the same run.
/// </summary>
[Config(typeof(Percentiles))]
public class ShallowWaterStep
{
    private const float Side = 1024;
    private static readonly WaveTrain[] Waves = [new(Height: 3, Period: 120, Direction: 0, StartTime: 0)];
    private ShallowWaterSolver _water = null!;
    private float _time;

    [Params(2f, 4f)]
    public float WaterCell { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _water = CoastalTown(WaterCell, workers: 2);
        for (_time = 0; _time < 90; _time += 0.05f)
        {
            _water.Advance(0.05f, _time, Waves);
        }
    }

    [Benchmark]
    public int Step()
    {
        int steps = _water.Advance(0.05f, _time, Waves);
        _time += 0.05f;
        return steps;
    }

    /// <summary>The town: the shoreline at 20% of the width, then blocks of houses along a street grid and rising ground.</summary>
    public static ShallowWaterSolver CoastalTown(float cell, int workers)
    {
        const float Shore = 0.2f * Side;
        int size = (int)(Side / cell);
        var bed = new float[size * size];
        var manning = new float[size * size];
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                float north = (y + 0.5f) * cell;
                float east = ((x + 0.5f) * cell) - Shore;
                float z;
                float n;
                if (east < 0)
                {
                    (z, n) = (east / 25, 0.025f);
                }
                else
                {
                    z = (east / 60) + (1.5f * MathF.Sin(north / 74) * MathF.Sin((east + Shore) / 106) * MathF.Min(1, east / 200));
                    n = 0.035f;
                    // Houses: 10 m blocks with 6 m streets between them, from 40 m inland to 600 m.
                    if (east > 40 && east < 600 && ((east + Shore) % 16) < 10 && (north % 16) < 10)
                    {
                        (z, n) = (z + 5, 0.1f);
                    }
                }
                bed[(y * size) + x] = z;
                manning[(y * size) + x] = n;
            }
        }
        var water = new ShallowWaterSolver(size, size, cell, bed, manning, workers) { West = WaterBoundary.Inflow };
        water.FillTo(0);
        return water;
    }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
    }
}
