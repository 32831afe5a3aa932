using System.Numerics;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;
using IgniteFire = TwinWorld.Protocol.V1.IgniteFire;
using Point = TwinWorld.Protocol.V1.Point;
using SetWind = TwinWorld.Protocol.V1.SetWind;
using StartTornado = TwinWorld.Protocol.V1.StartTornado;
using StartTsunami = TwinWorld.Protocol.V1.StartTsunami;
using WorldCommand = TwinWorld.Protocol.V1.WorldCommand;

namespace TwinWorld.Simulation.Tests;

/// <summary>Same site, seed and inputs give the same state hash at every tick, whatever the worker count.</summary>
public class DeterminismTests
{
    internal static readonly Site Town = ProceduralTown.Generate(new ProceduralTownOptions { Seed = 3, Size = 256 });

    private static ulong[] Run(int workers, ulong seed = 11, int ticks = 600)
    {
        var simulation = Busy(workers, seed, ticks);
        var hashes = new ulong[ticks];
        for (int t = 0; t < ticks; t++)
        {
            hashes[t] = simulation.Step().StateHash;
        }
        return hashes;
    }

    /// <summary>A town with agents, an avatar and its camera, and every kind of input queued for the first <paramref name="ticks"/> ticks.</summary>
    internal static Simulator Busy(int workers, ulong seed = 11, int ticks = 600)
    {
        var simulation = new Simulator(Town, new SimulationOptions { Seed = seed, Workers = workers });
        var terrain = Town.Terrain;
        simulation.Scatter(3000, c => terrain.Elevation[c] < 8);
        var avatar = simulation.SpawnAvatar(clientId: 42, terrain.CellCentre(Town.Zones.Zones[0].Cells[0]));
        simulation.AddCamera(CameraMode.ThirdPersonFollow, default, new CameraLens(60, 320, 180), ownerClientId: 42, target: avatar);
        var centre = new Vector2(terrain.WidthMetres / 2, terrain.HeightMetres / 2);
        simulation.Inputs.Enqueue(WorldCommands.Alert(100, centre, 5000));
        simulation.Inputs.Enqueue(WorldCommands.Spawn(150, "elderly", 50, centre, 100));
        // Every hazard at once: a tsunami, a fire near the centre in a changing wind, a tornado.
        simulation.Inputs.Enqueue(new CommandInput(20, new WorldCommand { Tsunami = new StartTsunami { Height = 5, Period = 60, From = 270 } }));
        simulation.Inputs.Enqueue(new CommandInput(250, new WorldCommand { Fire = new IgniteFire { At = Point.Of(FuelNear(centre)), Radius = 6 } }));
        simulation.Inputs.Enqueue(new CommandInput(400, new WorldCommand { Wind = new SetWind { Speed = 8, From = 200 } }));
        simulation.Inputs.Enqueue(new CommandInput(300, new WorldCommand { Tornado = new StartTornado { From = Point.Of(new Vector2(centre.X, 0)), To = Point.Of(new Vector2(centre.X + 100, 500)), Speed = 15, MaxWind = 55 } }));
        for (long t = 0; t < ticks; t += 7)
        {
            simulation.Inputs.Enqueue(Players.Signal(t, 42, DeterministicMath.Direction(t * 0.01f)));
        }
        return simulation;
    }

    private static Vector2 FuelNear(Vector2 point)
    {
        var terrain = Town.Terrain;
        int cell = Enumerable.Range(0, terrain.CellCount).Where(c => terrain.Fuel[c] != 0).MinBy(c => Vector2.DistanceSquared(terrain.CellCentre(c), point));
        return terrain.CellCentre(cell);
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
