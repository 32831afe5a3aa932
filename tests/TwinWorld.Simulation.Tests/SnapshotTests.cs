using System.Numerics;
using TwinWorld.Simulation.Agents;

namespace TwinWorld.Simulation.Tests;

/// <summary>Saved state and forks carry a run on bit for bit; the state hash's parts say what differs.</summary>
public class SnapshotTests
{
    private static Simulator BusyAt(int tick)
    {
        var simulation = DeterminismTests.Busy(workers: 2);
        while (simulation.Tick < tick)
        {
            simulation.Step();
        }
        return simulation;
    }

    [Fact]
    public void A_fork_with_every_hazard_active_runs_on_exactly_as_the_original()
    {
        // By tick 350 the tsunami, fire and tornado are all running; inputs for later ticks are still queued.
        var original = BusyAt(350);
        var fork = original.Fork(workers: 1);

        for (int t = 0; t < 120; t++)
        {
            Assert.Equal(original.Step().StateHash, fork.Step().StateHash);
        }
        Assert.Equal(original.SaveState(), fork.SaveState());
    }

    [Fact]
    public void A_fork_is_independent_of_the_original()
    {
        var original = BusyAt(50);
        var fork = original.Fork();
        ulong before = original.ComputeStateHash();

        fork.SpawnAgent(AgentKind.Civilian, new Vector2(100, 100));
        fork.Step();

        Assert.Equal(before, original.ComputeStateHash());
        Assert.Equal(50, original.Tick);
    }

    [Fact]
    public void Every_component_a_run_uses_is_covered_by_a_named_part_of_the_hash()
    {
        var simulation = BusyAt(350);

        var unnamed = simulation.World.ComponentTypesInUse().Where(t => !StateHashParts.Covers(t)).ToList();
        Assert.True(unnamed.Count == 0, $"not in a named part: {string.Join(", ", unnamed.Select(t => t.Name))}");
    }

    [Fact]
    public void A_change_shows_in_the_part_that_covers_it_and_no_other()
    {
        var simulation = BusyAt(350);
        var before = Parts(simulation);

        var agent = Ecs.Entity.Null;
        foreach (var chunk in simulation.World.GetChunks(new Ecs.QueryDescription().WithAll<Position>()))
        {
            agent = chunk.Entities[0];
            break;
        }
        simulation.World.Get<Position>(agent).Value += new Vector2(0.001f, 0);
        var moved = Parts(simulation);
        simulation.Hazards.Water.SetWater(1000, 0.5f, Vector2.Zero);
        var watered = Parts(simulation);

        Assert.Equal(["agents' positions and motion"], Differing(before, moved));
        Assert.Equal(["water"], Differing(moved, watered));
    }

    [Fact]
    public void An_agents_appearance_comes_from_its_kind_is_hashed_and_survives_a_snapshot()
    {
        var simulation = BusyAt(20);
        var guard = simulation.Profiles.Register(simulation.Profiles[AgentKind.Civilian] with { Name = "guard", Role = AgentRole.Guard });
        var agent = simulation.SpawnAgent(guard, new Vector2(300, 300));
        var child = simulation.SpawnAgent(AgentKind.Child, new Vector2(302, 300));
        Assert.Equal(AgentRole.Guard, simulation.World.Get<Appearance>(agent).Role);
        Assert.Equal(AgentRole.Child, simulation.World.Get<Appearance>(child).Role);
        Assert.True(StateHashParts.Covers(typeof(Appearance)));

        var restored = new Simulator(simulation.Site, simulation.Options);
        restored.Profiles.Register(simulation.Profiles[guard]);
        restored.LoadState(simulation.SaveState());
        Assert.Equal(AgentRole.Guard, restored.World.Get<Appearance>(agent).Role);
        Assert.Equal(simulation.ComputeStateHash(), restored.ComputeStateHash());

        var before = Parts(simulation);
        simulation.World.Set(agent, new Appearance(AgentRole.Tourist));
        Assert.Equal(["agents, avatars and alerts"], Differing(before, Parts(simulation)));
    }

    [Fact]
    public void A_vehicle_kind_looks_like_a_car_and_only_a_vehicle_kind_may()
    {
        var profiles = new AgentProfiles();
        Assert.Equal(AgentRole.Car, profiles[AgentKind.Vehicle].Role);
        Assert.Equal(AgentRole.Resident, profiles[AgentKind.Civilian].Role);
        Assert.Contains("cannot look like a car", Assert.Throws<ArgumentException>(() => profiles.Register(profiles[AgentKind.Civilian] with { Name = "x", Role = AgentRole.Car })).Message);
        Assert.Contains("cannot look like a tourist", Assert.Throws<ArgumentException>(() => profiles.Register(profiles[AgentKind.Vehicle] with { Name = "y", Role = AgentRole.Tourist })).Message);
    }

    private static ulong[] Parts(Simulator simulation) => StateHashParts.Compute(simulation);

    private static string[] Differing(ulong[] a, ulong[] b)
        => [.. Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).Select(i => StateHashParts.All[i].Name)];

    [Fact]
    public void State_saved_on_another_site_is_refused()
    {
        var saved = BusyAt(5).SaveState();
        var other = new Simulator(Terrain.ProceduralTown.Generate(new Terrain.ProceduralTownOptions { Seed = 3, Size = 128 }));

        Assert.Throws<InvalidDataException>(() => other.LoadState(saved));
    }
}
