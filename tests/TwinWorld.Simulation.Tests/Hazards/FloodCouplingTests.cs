using System.Numerics;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Hazards.Fire;
using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Zones;
using IgniteFire = TwinWorld.Protocol.V1.IgniteFire;
using Point = TwinWorld.Protocol.V1.Point;
using SetWind = TwinWorld.Protocol.V1.SetWind;
using StartTsunami = TwinWorld.Protocol.V1.StartTsunami;
using WorldCommand = TwinWorld.Protocol.V1.WorldCommand;

namespace TwinWorld.Simulation.Tests.Hazards;

public class FloodCouplingTests
{
    [Fact]
    public void A_tsunami_floods_the_low_ground_first_people_in_the_water_head_for_high_ground_and_the_counters_follow()
    {
        var site = HazardSites.Coast();
        var simulation = new Simulator(site, new SimulationOptions { Seed = 5, Workers = 2 });
        var people = Enumerable.Range(0, 40).Select(i => simulation.SpawnAgent(AgentKind.Civilian, new Vector2(84 + (i % 10), 10 + (1.5f * i)))).ToArray();
        foreach (var person in people)
        {
            simulation.World.Set(person, simulation.World.Get<Mind>(person) with { BusyUntilTick = long.MaxValue });
        }
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Tsunami = new StartTsunami { Height = 3, Period = 60, From = 270 } }));

        var before = simulation.MeasureOutcome();
        HazardSites.Run(simulation, 90);
        var after = simulation.MeasureOutcome();

        Assert.Equal(0, before.FloodedArea);
        Assert.True(after.FloodedArea > 1000, $"land floods: {after}");
        Assert.True(after.MaxInundationDepth > 0.5f, $"water stands deep on land: {after}");
        var terrain = site.Terrain;
        var flood = simulation.Hazards.Flood;
        float ArrivalAt(float x) => flood.ArrivalSeconds[terrain.IndexAt(new Vector2(x, 40))];
        Assert.True(ArrivalAt(82) < ArrivalAt(110) && ArrivalAt(110) < ArrivalAt(130), $"the water arrives inland later: {ArrivalAt(82)} s, {ArrivalAt(110)} s, {ArrivalAt(130)} s");
        Assert.True(float.IsPositiveInfinity(ArrivalAt(380)), "the high ground stays dry");
        Assert.Equal(0, flood.MaxDepth[terrain.IndexAt(new Vector2(380, 40))]);
        Assert.All(people, p => Assert.Contains(simulation.World.Get<Mind>(p).State, (Behaviour[])[Behaviour.Evacuate, Behaviour.Flee, Behaviour.Sheltered]));
        Assert.True(people.Average(p => simulation.World.Get<Position>(p).Value.X) > 120, "people move inland, uphill");
    }

    [Fact]
    public void Fire_does_not_cross_a_ditch_of_water()
    {
        var site = HazardSites.Field(size: 100, cellSize: 2);
        var terrain = site.Terrain;
        for (int y = 0; y < terrain.Height; y++)
        {
            // Grass-covered, but 0.5 m under the still-water level: the ditch holds water.
            terrain.Elevation[terrain.Index(50, y)] = -0.5f;
        }
        // A one-cell ditch needs the water on the terrain's own grid: coarser water cells average it away.
        var simulation = new Simulator(site, new SimulationOptions { Seed = 1, Workers = 2, WaterCellSize = terrain.CellSize });
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Wind = new SetWind { Speed = 8, From = 270 } }));
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(60, 100)), Radius = 4 } }));

        HazardSites.Run(simulation, 120);

        var fire = simulation.Hazards.Fire;
        Assert.True(fire.State(terrain.Index(49, 50)) is FireState.Burning or FireState.BurnedOut, "the fire reaches the ditch");
        Assert.All(Enumerable.Range(0, terrain.Height), y => Assert.Equal(FireState.Unburned, fire.State(terrain.Index(50, y))));
        Assert.All(Enumerable.Range(0, terrain.Height), y => Assert.Equal(FireState.Unburned, fire.State(terrain.Index(51, y))));
    }
}
