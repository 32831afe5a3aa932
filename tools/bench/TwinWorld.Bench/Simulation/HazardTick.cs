using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using TwinWorld.Simulation;

namespace TwinWorld.Bench.Simulation;

/// <summary>
/// One full tick of the 512 x 512 procedural town (2 m cells) with 100k agents while a tsunami floods
/// it from the west and a wind-driven fire burns east of it: every system, the state hash included,
/// on all cores. Setup runs the first 90 simulated seconds so the water is on land and the fire front
/// is long; each measured tick continues the same run. The mean time of each system over the measured
/// ticks is printed at the end.
/// </summary>
[Config(typeof(Percentiles))]
public class HazardTick
{
    private const int Agents = 100_000;
    private TwinWorld.Simulation.Simulator _simulation = null!;
    private double[] _systemMs = [];
    private int _ticks;

    [GlobalSetup]
    public void Setup()
    {
        var scenario = new TownScenario
        {
            Seed = 7,
            Agents = Agents,
            AlertAfter = TimeSpan.FromSeconds(10),
            TsunamiAfter = TimeSpan.Zero,
            FireAfter = TimeSpan.Zero,
            Wind = (8, 90),
        };
        _simulation = scenario.Build(tickRateHz: 20, workers: Environment.ProcessorCount);
        while (_simulation.SimulatedTime < TimeSpan.FromSeconds(90))
        {
            _simulation.Step();
        }
        _systemMs = new double[_simulation.Systems.Count];
        var outcome = _simulation.MeasureOutcome();
        Console.WriteLine($"// HazardTick setup: flooded {outcome.FloodedArea / 10_000:F2} ha, burning {outcome.BurningArea:N0} m2, burned {outcome.BurnedArea / 10_000:F2} ha");
    }

    [Benchmark]
    public ulong Tick()
    {
        ulong hash = _simulation.Step().StateHash;
        for (int s = 0; s < _systemMs.Length; s++)
        {
            _systemMs[s] += _simulation.SystemMilliseconds[s];
        }
        _ticks++;
        return hash;
    }

    [GlobalCleanup]
    public void Report()
    {
        var perSystem = _simulation.Systems.Select((system, s) => $"{system.Name} {_systemMs[s] / Math.Max(1, _ticks):F2}");
        Console.WriteLine($"// HazardTick mean ms per system over {_ticks} ticks: {string.Join(", ", perSystem)}");
    }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
    }
}
