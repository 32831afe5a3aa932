using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using TwinWorld.Simulation.Hazards.Water;

namespace TwinWorld.Bench.Simulation;

/// <summary>
/// One 0.05 s water step (a 20 Hz tick) of a 512 x 512 coastal town at 2 m cells on both cores: a sea over the
/// western 20% shelving at 1:25 to 8 m deep, a town of 10 m blocks on a plain rising inland, and a 3 m, 120 s wave
/// train from the west. Setup runs the first 90 s so the wave is running up through the streets; each measured
/// step continues the same run.
/// </summary>
[Config(typeof(Percentiles))]
public class ShallowWaterStep
{
    private const int Size = 512;
    private const float Cell = 2;
    private static readonly WaveTrain[] Waves = [new(Height: 3, Period: 120, Direction: 0, StartTime: 0)];
    private ShallowWaterSolver _water = null!;
    private float _time;

    [GlobalSetup]
    public void Setup()
    {
        _water = CoastalTown(workers: 2);
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
    public static ShallowWaterSolver CoastalTown(int workers)
    {
        const float Shore = 0.2f * Size * Cell;
        var bed = new float[Size * Size];
        var manning = new float[Size * Size];
        for (int y = 0; y < Size; y++)
        {
            for (int x = 0; x < Size; x++)
            {
                float east = ((x + 0.5f) * Cell) - Shore;
                float z;
                float n;
                if (east < 0)
                {
                    (z, n) = (east / 25, 0.025f);
                }
                else
                {
                    z = (east / 60) + (1.5f * MathF.Sin(y / 37f) * MathF.Sin(x / 53f) * MathF.Min(1, east / 200));
                    n = 0.035f;
                    // Houses: 10 m blocks with 6 m streets between them, from 40 m inland to 600 m.
                    if (east > 40 && east < 600 && (x % 8) < 5 && (y % 8) < 5)
                    {
                        (z, n) = (z + 5, 0.1f);
                    }
                }
                bed[(y * Size) + x] = z;
                manning[(y * Size) + x] = n;
            }
        }
        var water = new ShallowWaterSolver(Size, Size, Cell, bed, manning, workers) { West = WaterBoundary.Inflow };
        water.FillTo(0);
        return water;
    }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
    }
}
