using System.Numerics;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Simulation.Tests;

/// <summary>Same site, seed and inputs give the same state hash at every tick, whatever the worker count.</summary>
public class DeterminismTests
{
    private static readonly Site Town = ProceduralTown.Generate(new ProceduralTownOptions { Seed = 3, Size = 256 });

    private static ulong[] Run(int workers, ulong seed = 11, int ticks = 600)
    {
        var simulation = new Simulation(Town, new SimulationOptions { Seed = seed, Workers = workers });
        var terrain = Town.Terrain;
        simulation.Scatter(3000, c => terrain.Elevation[c] < 8);
        var avatar = simulation.SpawnAvatar(clientId: 42, terrain.CellCentre(Town.Zones.Zones[0].Cells[0]));
        simulation.AddCamera(CameraMode.ThirdPersonFollow, default, new CameraLens(60, 320, 180), ownerClientId: 42, target: avatar);
        var centre = new Vector2(terrain.WidthMetres / 2, terrain.HeightMetres / 2);
        simulation.Inputs.Enqueue(new IssueAlert(100, centre, 5000));
        simulation.Inputs.Enqueue(new SpawnAgents(150, AgentKind.Elderly, 50, centre, 100));
        for (long t = 0; t < ticks; t += 7)
        {
            simulation.Inputs.Enqueue(new PlayerSignal(t, 42, DeterministicMath.Direction(t * 0.01f)));
        }
        var hashes = new ulong[ticks];
        for (int t = 0; t < ticks; t++)
        {
            if (t == 300)
            {
                // A fire front appears mid-run: agents near it must see it and flee, in the same way.
                simulation.Danger.MarkDisc(centre + new Vector2(30, 0), 20, 1);
            }
            hashes[t] = simulation.Step().StateHash;
        }
        return hashes;
    }

    [Fact]
    public void Same_seed_and_inputs_give_the_same_hash_at_every_tick_with_1_or_2_workers()
    {
        var first = Run(workers: 1);
        var again = Run(workers: 1);
        var parallel = Run(workers: 2);

        for (int t = 0; t < first.Length; t++)
        {
            Assert.True(first[t] == again[t], $"a repeat run diverged at tick {t}");
            Assert.True(first[t] == parallel[t], $"the 2-worker run diverged at tick {t}");
        }
        Assert.Equal(first.Length, first.Distinct().Count());
    }

    [Fact]
    public void A_different_seed_gives_a_different_run()
    {
        Assert.NotEqual(Run(workers: 2, seed: 11, ticks: 5)[^1], Run(workers: 2, seed: 12, ticks: 5)[^1]);
    }
}
