using System.Numerics;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Inputs;

namespace TwinWorld.Simulation.Tests;

/// <summary>Avatars come and go as inputs (the network queues them), so recordings and forks carry them.</summary>
public class AvatarInputTests
{
    private static Simulator NewSquare() => new(Layout.Build(1f, "..........", "..........", "..........", ".........."), new SimulationOptions { Seed = 3, Workers = 1 });

    [Fact]
    public void An_avatar_spawns_at_its_tick_walks_on_signals_and_is_removed()
    {
        var simulation = NewSquare();
        simulation.Inputs.Enqueue(PlayerPresenceInput.Avatar(1, 7, new Vector2(2, 2)));
        simulation.Inputs.Enqueue(Players.Signal(2, 7, Vector2.UnitX));
        simulation.Step();
        Assert.Equal(0, simulation.CountBehaviours().Sum());

        simulation.Step();
        Assert.Equal(1, simulation.CountBehaviours().Sum());
        for (int i = 0; i < 20; i++)
        {
            simulation.Step();
        }
        var avatar = PlayerAvatar.Find(simulation, 7)!.Value;
        Assert.True(simulation.World.Get<Position>(avatar).Value.X > 2.5f, "the avatar walked east");

        simulation.Inputs.Enqueue(PlayerPresenceInput.Leave(simulation.Tick, 7));
        var report = simulation.Step();
        Assert.Empty(report.Rejected);
        Assert.Null(PlayerAvatar.Find(simulation, 7));
    }

    [Fact]
    public void A_second_avatar_an_avatar_off_the_site_and_removing_none_are_rejected()
    {
        var simulation = NewSquare();
        simulation.Inputs.Enqueue(PlayerPresenceInput.Avatar(0, 1, new Vector2(2, 2)));
        simulation.Inputs.Enqueue(PlayerPresenceInput.Avatar(0, 1, new Vector2(3, 3)));
        simulation.Inputs.Enqueue(PlayerPresenceInput.Avatar(0, 2, new Vector2(-5, 3)));
        simulation.Inputs.Enqueue(PlayerPresenceInput.Avatar(0, 3, new Vector2(float.NaN, 3)));
        simulation.Inputs.Enqueue(PlayerPresenceInput.Leave(0, 9));

        var report = simulation.Step();

        Assert.Equal(1, report.InputsApplied);
        Assert.Contains(report.Rejected, r => r.Contains("client 1 already has an avatar"));
        Assert.Contains(report.Rejected, r => r.Contains("not on the site"));
        Assert.Contains(report.Rejected, r => r.Contains("client 9 has no avatar"));
    }

    [Fact]
    public void Waiting_avatar_inputs_survive_a_fork()
    {
        var simulation = NewSquare();
        simulation.Inputs.Enqueue(PlayerPresenceInput.Avatar(3, 4, new Vector2(5, 1), "child"));
        simulation.Inputs.Enqueue(PlayerPresenceInput.Leave(6, 4));
        simulation.Step();

        var fork = simulation.Fork();

        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(simulation.Step().StateHash, fork.Step().StateHash);
        }
        Assert.Equal(0, fork.Inputs.Count);
    }
}
