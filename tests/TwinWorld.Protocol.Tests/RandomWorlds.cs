using TwinWorld.Protocol.State;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Protocol.Tests;

/// <summary>Random worlds that evolve the way the simulation's do: most agents walk a little each tick, a few turn, change state, die or appear (sometimes in a reused slot).</summary>
internal static class RandomWorlds
{
    public static AgentView[] Initial(Random random, int count)
    {
        var agents = new List<AgentView>();
        int id = 0;
        for (int i = 0; i < count; i++)
        {
            id += random.Next(1, 4);
            agents.Add(NewAgent(random, id, random.Next(1, 5)));
        }
        return [.. agents];
    }

    /// <summary>The next tick: <paramref name="speedUnits"/> is how far an agent may walk, in position units.</summary>
    public static AgentView[] Step(Random random, AgentView[] previous, int speedUnits = 6)
    {
        var next = new List<AgentView>(previous.Length + 4);
        foreach (var agent in previous)
        {
            double roll = random.NextDouble();
            if (roll < 0.01)
            {
                continue; // destroyed
            }
            if (roll < 0.015)
            {
                next.Add(NewAgent(random, agent.Id, agent.Version + 1)); // the slot reused by a new entity
                continue;
            }
            var moved = agent;
            if (random.NextDouble() < 0.9)
            {
                moved = moved with { X = moved.X + random.Next(-speedUnits, speedUnits + 1), Y = moved.Y + random.Next(-speedUnits, speedUnits + 1) };
            }
            if (random.NextDouble() < 0.3)
            {
                moved = moved with { Heading = (moved.Heading + random.Next(-20, 21) + Quantisation.HeadingSteps) % Quantisation.HeadingSteps };
            }
            if (random.NextDouble() < 0.02)
            {
                moved = moved with { Behaviour = random.Next(0, 8), Vital = random.Next(0, 4) };
            }
            next.Add(moved);
        }
        int top = previous.Length == 0 ? 0 : previous[^1].Id;
        for (int i = random.Next(0, 3); i > 0; i--)
        {
            top += random.Next(1, 5);
            next.Add(NewAgent(random, top, 1));
        }
        return [.. next.OrderBy(a => a.Id)];
    }

    public static StateView View(long tick, AgentView[] agents, Random random)
    {
        var hazards = new List<HazardState>();
        if (random.NextDouble() < 0.5)
        {
            hazards.Add(new HazardState { Number = 1, Kind = HazardKind.Fire, Name = "fire-1", StartTick = 3, X = 100, Y = 200 });
        }
        var cameras = new List<CameraState> { new() { CameraId = 7, Mode = CameraMode.Overhead, X = (int)tick, Yaw = 12, Pitch = -256 } };
        return new StateView(tick, agents, hazards, cameras);
    }

    private static AgentView NewAgent(Random random, int id, int version)
        => new(id, version, random.Next(0, 1 << 19), random.Next(0, 1 << 19), random.Next(0, Quantisation.HeadingSteps),
            random.Next(0, 6), random.Next(0, 3), random.Next(0, 7), random.NextDouble() < 0.05 ? (ulong)random.Next(1, 100) : 0);
}
