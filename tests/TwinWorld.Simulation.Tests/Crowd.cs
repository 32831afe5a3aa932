using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Simulation.Tests;

/// <summary>A test crowd: civilians placed on a layout, already evacuating to its exit, stepped until they arrive.</summary>
internal sealed class Crowd
{
    public Crowd(Site site, IEnumerable<Vector2> positions, ulong seed = 1)
    {
        Simulation = new Simulator(site, new SimulationOptions { Seed = seed, Workers = 2 });
        Agents = positions.Select(p => Simulation.SpawnAgent(AgentKind.Civilian, p)).ToArray();
        foreach (var agent in Agents)
        {
            Simulation.StartEvacuating(agent);
        }
        ArrivalTick = new long[Agents.Length];
        Array.Fill(ArrivalTick, -1);
    }

    public Simulator Simulation { get; }

    public Entity[] Agents { get; }

    /// <summary>The tick each agent reached the exit, or -1.</summary>
    public long[] ArrivalTick { get; }

    public int Arrived => ArrivalTick.Count(t => t >= 0);

    public Vector2 PositionOf(int agent) => Simulation.World.Get<Position>(Agents[agent]).Value;

    /// <summary>Steps until everyone has arrived or the time runs out; calls back after each tick.</summary>
    public void Run(double maxSeconds, Action? afterTick = null)
    {
        long limit = (long)(maxSeconds * Simulation.TickRateHz);
        while (Arrived < Agents.Length && Simulation.Tick < limit)
        {
            Simulation.Step();
            for (int i = 0; i < Agents.Length; i++)
            {
                if (ArrivalTick[i] < 0 && Simulation.World.Get<Mind>(Agents[i]).State == Behaviour.Sheltered)
                {
                    ArrivalTick[i] = Simulation.Tick;
                }
            }
            afterTick?.Invoke();
        }
    }

    public double Seconds(long tick) => tick / Simulation.TickRateHz;

    /// <summary>Points on a grid inside a rectangle, row by row, up to a count.</summary>
    public static IEnumerable<Vector2> Grid(Vector2 min, Vector2 max, int count, float spacing)
    {
        int made = 0;
        for (float y = min.Y; y <= max.Y && made < count; y += spacing)
        {
            for (float x = min.X; x <= max.X && made < count; x += spacing, made++)
            {
                yield return new Vector2(x, y);
            }
        }
    }
}
