using System.Numerics;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Hazards.Wind;
using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;
using IgniteFire = TwinWorld.Protocol.V1.IgniteFire;
using Point = TwinWorld.Protocol.V1.Point;
using StartTornado = TwinWorld.Protocol.V1.StartTornado;
using WorldCommand = TwinWorld.Protocol.V1.WorldCommand;

namespace TwinWorld.Simulation.Tests.Hazards;

public class TornadoTests
{
    [Fact]
    public void The_Rankine_vortex_peaks_at_the_core_radius_falls_off_as_one_over_r_and_turns_counter_clockwise()
    {
        const float core = 40, vmax = 50;

        Assert.Equal(vmax, RankineVortex.Wind(new Vector2(core, 0), core, vmax).Length(), 3);
        Assert.Equal(vmax / 2, RankineVortex.Wind(new Vector2(0, core / 2), core, vmax).Length(), 3);
        Assert.Equal(vmax / 2, RankineVortex.Wind(new Vector2(-2 * core, 0), core, vmax).Length(), 3);
        Assert.Equal(new Vector2(0, vmax), RankineVortex.Wind(new Vector2(core, 0), core, vmax));
        Assert.Equal(Vector2.Zero, RankineVortex.Wind(Vector2.Zero, core, vmax));
        Assert.Equal(2 * core, RankineVortex.ReachOf(vmax / 2, core, vmax), 3);
    }

    [Fact]
    public void A_tornado_damages_houses_along_its_track_worst_on_its_right_and_hurts_people_near_it_only()
    {
        var site = HazardSites.Suburb(size: 200, cellSize: 2);
        var simulation = new Simulator(site, new SimulationOptions { Seed = 3, Workers = 2 });
        var near = Enumerable.Range(0, 30).Select(i => simulation.SpawnAgent(AgentKind.Civilian, new Vector2(196 + (i % 5), 250 + i))).ToArray();
        var far = Enumerable.Range(0, 30).Select(i => simulation.SpawnAgent(AgentKind.Civilian, new Vector2(12 + (i % 5), 250 + i))).ToArray();
        // North along x = 200 m at 10 m/s: rotation and travel add up on the east side.
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Tornado = new StartTornado { From = Point.Of(new Vector2(200, 0)), To = Point.Of(new Vector2(200, 400)), Speed = 10, MaxWind = 60, CoreRadius = 30 } }));

        HazardSites.Run(simulation, 45);

        var terrain = site.Terrain;
        var damage = simulation.Hazards.Buildings;
        DamageState Worst(float x0, float x1) => Enumerable.Range(0, terrain.CellCount)
            .Where(c => terrain.LandUse[c] == LandUse.Building && terrain.CellCentre(c).X >= x0 && terrain.CellCentre(c).X < x1)
            .Select(damage.At).DefaultIfEmpty(DamageState.None).Max();
        Assert.True(Worst(205, 240) >= DamageState.Severe, $"east of the track: {Worst(205, 240)}");
        Assert.True(Worst(160, 195) >= DamageState.Moderate, $"west of the track: {Worst(160, 195)}");
        Assert.True(Worst(205, 240) > Worst(160, 195), "the right of the track takes the worst");
        Assert.Equal(DamageState.None, Worst(0, 60));
        Assert.Equal(DamageState.None, Worst(340, 400));
        Assert.True(damage.DamagedCells > 0);
        Assert.True(near.Count(a => simulation.World.Get<Vitality>(a).State != VitalState.Healthy) >= 25, "people in its path are hurt");
        Assert.All(far, a => Assert.Equal(VitalState.Healthy, simulation.World.Get<Vitality>(a).State));
        Assert.Empty(simulation.Hazards.Wind.Vortices);
    }

    [Fact]
    public void People_see_an_approaching_tornado_and_flee_from_it()
    {
        var site = HazardSites.Field(size: 200, cellSize: 2, LandUse.Plaza);
        var simulation = new Simulator(site, new SimulationOptions { Seed = 4, Workers = 2 });
        var agent = simulation.SpawnAgent(AgentKind.Civilian, new Vector2(240, 200));
        simulation.World.Set(agent, simulation.World.Get<Mind>(agent) with { BusyUntilTick = long.MaxValue });
        simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Tornado = new StartTornado { From = Point.Of(new Vector2(200, 20)), To = Point.Of(new Vector2(200, 380)), Speed = 3, MaxWind = 40, CoreRadius = 20 } }));

        // Its 15 m/s winds reach 61 m out; they come within 25 m of the agent after about 37 s.
        HazardSites.Run(simulation, 48);

        Assert.Equal(Behaviour.Flee, simulation.World.Get<Mind>(agent).State);
        var at = simulation.World.Get<Position>(agent).Value;
        Assert.True(Vector2.Distance(at, new Vector2(240, 200)) > 4 && at.X > 240, $"it moves away from the tornado: {at}");
        Assert.Equal(VitalState.Healthy, simulation.World.Get<Vitality>(agent).State);
    }

    [Fact]
    public void A_tornado_passing_a_fire_drives_it_with_its_winds()
    {
        int Burned(bool tornado)
        {
            var simulation = new Simulator(HazardSites.Field(size: 150, cellSize: 2), new SimulationOptions { Seed = 6, Workers = 2 });
            simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Fire = new IgniteFire { At = Point.Of(new Vector2(150, 150)), Radius = 4 } }));
            if (tornado)
            {
                simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Tornado = new StartTornado { From = Point.Of(new Vector2(190, 0)), To = Point.Of(new Vector2(190, 300)), Speed = 5, MaxWind = 40, CoreRadius = 30 } }));
            }
            HazardSites.Run(simulation, 60);
            return simulation.Hazards.Fire.BurnedCells;
        }

        int calm = Burned(tornado: false);
        int windy = Burned(tornado: true);

        Assert.True(windy > 2 * calm, $"with no ambient wind, {calm} cells burn; near a tornado, {windy}");
    }
}
