using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using TwinWorld.Ecs;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Hazards.Fire;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Bench.Simulation;

/// <summary>
/// One 20 Hz tick (0.05 s) of surface fire spread on a 512 x 512 grid of 2 m cells: hills, tall grass
/// (fuel model 3) with patches of chaparral (4) and timber (10), two roads, a wind that varies over the map.
/// Before each iteration a fresh fire is lit along a line down the west side and run for 3 minutes under the
/// wind, to a front about 3,200 burning cells strong; the iteration then times 3000 ticks (150 s of fire)
/// carrying on from there. <see cref="StateHash"/> times the fire's share of the tick's state hash.
/// </summary>
[Config(typeof(Percentiles))]
[InvocationCount(3000)]
public class FireSpreadStep
{
    private const float Tick = 0.05f;
    private const float Lead = 180f;
    private static readonly Func<int, bool> NothingFlooded = _ => false;
    private static readonly TerrainGrid Terrain = BuildTerrain();
    private static readonly Func<Vector2, Vector2> Wind = p => new Vector2(7, 2) + (1.5f * DeterministicMath.Direction(p.Y * 0.01f));

    private FireGrid _fire = null!;
    private float _now;

    [IterationSetup]
    public void LightFire()
    {
        _fire = new FireGrid(Terrain, FuelMoisture.Default);
        for (float y = 20; y < 1000; y += 8)
        {
            _fire.Ignite(new Vector2(60, y), 4, 0);
        }
        _now = Lead;
        _fire.Advance(_now, Wind, NothingFlooded);
    }

    [Benchmark]
    public int Advance()
    {
        _now += Tick;
        _fire.Advance(_now, Wind, NothingFlooded);
        return _fire.BurningCells;
    }

    [Benchmark]
    public ulong StateHash()
    {
        return StateHashWalk.Of(0, _fire);
    }

    private static TerrainGrid BuildTerrain()
    {
        var terrain = new TerrainGrid(512, 512, 2f);
        var hills = new ValueNoise(1);
        var cover = new ValueNoise(2);
        for (int y = 0; y < terrain.Height; y++)
        {
            for (int x = 0; x < terrain.Width; x++)
            {
                int i = terrain.Index(x, y);
                terrain.Elevation[i] = 40 * hills.At(x / 64f, y / 64f);
                float c = cover.At(x / 40f, y / 40f);
                bool road = x is 250 or 251 || y == 400;
                terrain.LandUse[i] = road ? LandUse.Road : c < 0.6f ? LandUse.Grass : c < 0.8f ? LandUse.Shrub : LandUse.Forest;
                terrain.Fuel[i] = road ? (byte)0 : c < 0.6f ? (byte)3 : c < 0.8f ? (byte)4 : (byte)10;
            }
        }
        return terrain;
    }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
    }
}
