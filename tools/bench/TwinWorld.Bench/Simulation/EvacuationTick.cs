using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using TwinWorld.Ecs;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Bench.Simulation;

/// <summary>
/// One full tick (sense, think, act, cameras, state hash) of the 512 x 512 procedural town with every
/// agent evacuating, on all cores. Each measured tick continues the same run, so the figures cover
/// the first few hundred ticks of an evacuation, when the streets are fullest.
/// </summary>
[Config(typeof(Percentiles))]
public class EvacuationTick
{
    private static readonly Site Town = ProceduralTown.Generate(new ProceduralTownOptions());
    private TwinWorld.Simulation.Simulator _simulation = null!;

    [Params(10_000, 100_000)]
    public int Agents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _simulation = new TwinWorld.Simulation.Simulator(Town, new SimulationOptions { Seed = 7 });
        _simulation.Scatter(Agents, cell => ProceduralTown.IsLowGround(Town.Terrain, cell));
        var agents = new List<Entity>();
        foreach (var chunk in _simulation.World.GetChunks(new QueryDescription().WithAll<Mind>()))
        {
            agents.AddRange(chunk.Entities.ToArray());
        }
        agents.ForEach(agent => _simulation.StartEvacuating(agent));
    }

    [Benchmark]
    public ulong Tick() => _simulation.Step().StateHash;

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
    }
}
