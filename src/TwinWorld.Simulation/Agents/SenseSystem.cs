using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Alerts;
using TwinWorld.Simulation.Hazards;

namespace TwinWorld.Simulation.Agents;

/// <summary>
/// Each agent looks around every half second (staggered by id, so the work spreads over ticks):
/// the nearest dangerous cell within its perception radius, and any alert covering where it stands.
/// Hearing is imperfect: an alert in range is noticed with probability 0.9 per look.
/// </summary>
internal sealed class SenseSystem : ISimulationSystem
{
    public const float HearingProbability = 0.9f;
    private const float DangerThreshold = 0.05f;

    public string Name => "sense";

    public void Update(Simulation simulation)
    {
        var job = new SenseJob(simulation, simulation.SensePeriodTicks);
        simulation.World.ParallelForEachChunk(AgentQueries.Thinkers, job);
    }

    private readonly struct SenseJob(Simulation simulation, int period) : IChunkJob
    {
        public void Execute(in ChunkView chunk)
        {
            var entities = chunk.Entities;
            var positions = chunk.GetSpan<Position>();
            var agents = chunk.GetSpan<Agent>();
            var perceptions = chunk.GetSpan<Perception>();
            var randoms = chunk.GetSpan<AgentRandom>();
            long tick = simulation.Tick;
            var alerts = simulation.ActiveAlerts;
            for (int i = 0; i < entities.Length; i++)
            {
                if ((tick + entities[i].Id) % period != 0)
                {
                    continue;
                }
                ref var seen = ref perceptions[i];
                var at = positions[i].Value;
                seen.SensedAtTick = tick;
                (seen.DangerAt, seen.DangerDistance) = NearestDanger(simulation, at, simulation.Profiles[agents[i].Kind].PerceptionRadius);
                if (seen.HeardAlert == Perception.NoAlert)
                {
                    foreach (var (id, area) in alerts)
                    {
                        if (area.Covers(at) && randoms[i].Value.Chance(HearingProbability))
                        {
                            seen.HeardAlert = id;
                            break;
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// The nearest cell at or above the threshold within the radius: every cell is looked at, but only
    /// in 8 x 8 blocks whose highest level reaches the threshold, so the search is exact and cheap.
    /// </summary>
    private static (Vector2 At, float Distance) NearestDanger(Simulation simulation, Vector2 at, float radius)
    {
        DangerGrid danger = simulation.Danger;
        if (!danger.Any)
        {
            return (default, float.PositiveInfinity);
        }
        var terrain = simulation.Site.Terrain;
        float cs = terrain.CellSize;
        int x0 = Math.Max(danger.MinX, (int)MathF.Floor((at.X - radius) / cs));
        int x1 = Math.Min(danger.MaxX, (int)MathF.Floor((at.X + radius) / cs));
        int y0 = Math.Max(danger.MinY, (int)MathF.Floor((at.Y - radius) / cs));
        int y1 = Math.Min(danger.MaxY, (int)MathF.Floor((at.Y + radius) / cs));
        float best = radius * radius;
        Vector2 bestAt = default;
        bool found = false;
        const int B = DangerGrid.Block;
        for (int by = y0 / B; by <= y1 / B && y0 <= y1; by++)
        {
            for (int bx = x0 / B; bx <= x1 / B && x0 <= x1; bx++)
            {
                if (danger.BlockMax(bx, by) < DangerThreshold)
                {
                    continue;
                }
                for (int y = Math.Max(y0, by * B); y <= Math.Min(y1, (by * B) + B - 1); y++)
                {
                    for (int x = Math.Max(x0, bx * B); x <= Math.Min(x1, (bx * B) + B - 1); x++)
                    {
                        int cell = terrain.Index(x, y);
                        if (danger.LevelAt(cell) < DangerThreshold)
                        {
                            continue;
                        }
                        var centre = terrain.CellCentre(cell);
                        float d2 = Vector2.DistanceSquared(centre, at);
                        if (d2 <= best)
                        {
                            best = d2;
                            bestAt = centre;
                            found = true;
                        }
                    }
                }
            }
        }
        return found ? (bestAt, MathF.Sqrt(best)) : (default, float.PositiveInfinity);
    }
}
