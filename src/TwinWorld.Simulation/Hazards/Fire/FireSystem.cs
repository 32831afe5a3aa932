using TwinWorld.Ecs;
using TwinWorld.Simulation.Hazards.Wind;
using TwinWorld.Simulation.Hazards.Water;

namespace TwinWorld.Simulation.Hazards.Fire;

/// <summary>
/// Runs the fire: ignitions land at their start tick, a stopped fire is put out (that fire alone), and the fire
/// spreads up to the end of this tick with the wind field of this tick (tornadoes included). A fire with
/// nothing left burning has ended: it stops from the next tick, so clients drop it from their maps.
/// Cells under water (flooded, or a wet ditch) do not burn.
/// </summary>
internal sealed class FireSystem : ISimulationSystem
{
    /// <summary>Water this deep (m) stops a cell burning.</summary>
    public const float WettingDepth = 0.05f;

    private static readonly QueryDescription Fires = new QueryDescription().WithAll<HazardEvent, FireIgnition>();

    public string Name => "fire";

    /// <summary>This tick's wind drives the spread, and flooded cells do not burn.</summary>
    public IReadOnlyList<Type> RunsAfter => [typeof(WindSystem), typeof(FloodSystem)];

    public void Update(Simulator simulation)
    {
        var hazards = simulation.Hazards;
        var fire = hazards.Fire;
        long tick = simulation.Tick;
        float now = tick * simulation.Dt;
        // Put-outs first, then ignitions, so what a tick leaves burning does not depend on entity order.
        foreach (var chunk in simulation.World.GetChunks(Fires))
        {
            foreach (var hazard in chunk.GetSpan<HazardEvent>())
            {
                if (hazard.StopTick == tick)
                {
                    fire.Extinguish(hazard.Number);
                }
            }
        }
        foreach (var chunk in simulation.World.GetChunks(Fires))
        {
            var events = chunk.GetSpan<HazardEvent>();
            var ignitions = chunk.GetSpan<FireIgnition>();
            for (int i = 0; i < chunk.Count; i++)
            {
                if (events[i].StartTick == tick && events[i].StopTick > tick)
                {
                    fire.Ignite(ignitions[i].At, ignitions[i].Radius, now, events[i].Number);
                }
            }
        }
        var water = hazards.Water;
        fire.Advance(now + simulation.Dt, hazards.Wind.At, cell => water.DepthAt(cell) >= WettingDepth);
        foreach (var chunk in simulation.World.GetChunks(Fires))
        {
            foreach (ref var hazard in chunk.GetSpan<HazardEvent>())
            {
                if (hazard.IsActiveAt(tick) && hazard.StopTick > tick + 1 && !fire.IsBurning(hazard.Number))
                {
                    hazard = hazard with { StopTick = tick + 1 };
                }
            }
        }
    }
}
