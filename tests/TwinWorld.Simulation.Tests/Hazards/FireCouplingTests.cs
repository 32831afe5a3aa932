using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Hazards.Fire;
using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;
using IgniteFire = TwinWorld.Protocol.V1.IgniteFire;
using Point = TwinWorld.Protocol.V1.Point;
using SetWind = TwinWorld.Protocol.V1.SetWind;
using StopHazard = TwinWorld.Protocol.V1.StopHazard;
using WorldCommand = TwinWorld.Protocol.V1.WorldCommand;

namespace TwinWorld.Simulation.Tests.Hazards;

public class FireCouplingTests
{
    private static Entity Busy(Simulator simulation, Vector2 at)
    {
        var agent = simulation.SpawnAgent(AgentKind.Civilian, at);
        simulation.World.Set(agent, simulation.World.Get<Mind>(agent) with { BusyUntilTick = long.MaxValue });
        return agent;
    }

    [Fact]
    public void People_near_a_fire_flee_it_those_it_corners_are_burned_and_people_far_away_carry_on()
    {
        // A grass field closed to the east by a long wall at x = 120 m: people fleeing east are cornered.
        var site = HazardSites.Field(size: 200, cellSize: 2);
        for (int y = 0; y < 200; y++)
        {
            site.Terrain.LandUse[site.Terrain.Index(60, y)] = LandUse.Building;
            site.Terrain.Fuel[site.Terrain.Index(60, y)] = 0;
        }
        var simulation = new Simulator(site, new SimulationOptions { Seed = 2, Workers = 2 });
        var ignition = new Vector2(40, 200);
        var downwind = Enumerable.Range(0, 20).Select(i => Busy(simulation, new Vector2(90 + (i % 4), 190 + i))).ToArray();
        var upwind = Enumerable.Range(0, 10).Select(i => Busy(simulation, new Vector2(20, 195 + i))).ToArray();
        var far = Enumerable.Range(0, 10).Select(i => Busy(simulation, new Vector2(380, 20 + i))).ToArray();
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Wind = new SetWind { Speed = 10, From = 270 } }));
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(ignition), Radius = 6 } }));

        HazardSites.Run(simulation, 150);

        string Describe(IEnumerable<Entity> group) => string.Join(", ", group.Select(a => $"{simulation.World.Get<Mind>(a).State}/{simulation.World.Get<Vitality>(a).State}@{simulation.World.Get<Position>(a).Value}"));
        var outcome = simulation.MeasureOutcome();
        Assert.True(downwind.Count(a => simulation.World.Get<Vitality>(a).State != VitalState.Healthy) >= 5, $"the head fire reaches cornered people: {Describe(downwind)}; {outcome}");
        Assert.All(upwind, a => Assert.True(Vector2.Distance(simulation.World.Get<Position>(a).Value, ignition) > 20, $"people upwind back away: {Describe(upwind)}"));
        Assert.All(upwind, a => Assert.Equal(VitalState.Healthy, simulation.World.Get<Vitality>(a).State));
        Assert.All(far, a => Assert.Equal(VitalState.Healthy, simulation.World.Get<Vitality>(a).State));
        Assert.All(far, a => Assert.Equal(Behaviour.Idle, simulation.World.Get<Mind>(a).State));
        Assert.Equal(simulation.Hazards.Fire.BurnedCells * 4f, outcome.BurnedArea);
        Assert.Equal(outcome.Injured + outcome.Incapacitated, downwind.Count(a => simulation.World.Get<Vitality>(a).State != VitalState.Healthy));
    }

    [Fact]
    public void Stopping_a_fire_puts_it_out()
    {
        var simulation = new Simulator(HazardSites.Field(size: 100, cellSize: 2), new SimulationOptions { Seed = 2, Workers = 2 });
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Wind = new SetWind { Speed = 5, From = 270 } }));
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(100, 100)), Radius = 4, Name = "grass fire" } }));
        simulation.Inputs.Enqueue(new CommandInput(200, new WorldCommand { Stop = new StopHazard { Name = "grass fire" } }));

        HazardSites.Run(simulation, 10);
        int burned = simulation.Hazards.Fire.BurnedCells;
        Assert.True(simulation.Hazards.Fire.BurningCells > 0);
        HazardSites.Run(simulation, 30);

        Assert.Equal(0, simulation.Hazards.Fire.BurningCells);
        Assert.Equal(burned, simulation.Hazards.Fire.BurnedCells);
        Assert.False(simulation.Hazards.Danger.Any);
        Assert.Equal(FireState.BurnedOut, simulation.Hazards.Fire.State(simulation.Site.Terrain.IndexAt(new Vector2(100, 100))));
    }

    [Fact]
    public void Stopping_one_named_fire_leaves_another_burning()
    {
        var simulation = new Simulator(HazardSites.Field(size: 150, cellSize: 2), new SimulationOptions { Seed = 2, Workers = 2 });
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Wind = new SetWind { Speed = 5, From = 270 } }));
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(60, 150)), Radius = 4, Name = "west" } }));
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(200, 150)), Radius = 4, Name = "east" } }));
        simulation.Inputs.Enqueue(new CommandInput(200, new WorldCommand { Stop = new StopHazard { Name = "west" } }));

        HazardSites.Run(simulation, 40);

        var terrain = simulation.Site.Terrain;
        var fire = simulation.Hazards.Fire;
        Assert.Equal(FireState.BurnedOut, fire.State(terrain.IndexAt(new Vector2(60, 150))));
        Assert.DoesNotContain(Enumerable.Range(0, terrain.CellCount), c => terrain.CellCentre(c).X < 130 && fire.State(c) == FireState.Burning);
        Assert.True(fire.BurningCells > 0, "the east fire burns on");
        Assert.True(simulation.Hazards.Danger.Any);
    }
}
