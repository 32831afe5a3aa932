using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Alerts;
using TwinWorld.Simulation.Hazards;

namespace TwinWorld.Simulation.Agents;

/// <summary>
/// Each agent looks around every half second (staggered by id, so the work spreads over ticks):
/// the nearest dangerous cell within its perception radius, what the hazards do where it stands
/// (water, heat, wind), and any alert covering it.
/// Hearing is imperfect: an alert in range is noticed with probability 0.9 per look.
/// </summary>
internal sealed class SenseSystem : ISimulationSystem
{
    public const float HearingProbability = 0.9f;
    private const float DangerThreshold = 0.05f;

    public string Name => "sense";

    /// <summary>Agents see this tick's danger map.</summary>
    public IReadOnlyList<Type> RunsAfter => [typeof(DangerSystem)];

    public void Update(Simulator simulation)
    {
        var job = new SenseJob(simulation, simulation.SensePeriodTicks);
        simulation.World.ParallelForEachChunk(AgentQueries.Thinkers, job);
    }

    private readonly struct SenseJob(Simulator simulation, int period) : IChunkJob
    {
        public void Execute(in ChunkView chunk)
        {
            var entities = chunk.Entities;
            var positions = chunk.GetSpan<Position>();
            var agents = chunk.GetSpan<Agent>();
            var perceptions = chunk.GetSpan<Perception>();
            var randoms = chunk.GetSpan<AgentRandom>();
            long tick = simulation.Tick;
            var alerts = simulation.Alerts.All;
            for (int i = 0; i < entities.Length; i++)
            {
                if ((tick + entities[i].Id) % period != 0)
                {
                    continue;
                }
                ref var seen = ref perceptions[i];
                var at = positions[i].Value;
                seen.SensedAtTick = tick;
                (seen.DangerAt, seen.DangerDistance, _) = simulation.Hazards.Danger.Nearest(at, simulation.Profiles[agents[i].Kind].PerceptionRadius, DangerThreshold);
                var here = simulation.Hazards.ExposureAt(at);
                (seen.WaterDepth, seen.WaterSpeed, seen.HeatFlux, seen.WindSpeed) = (here.WaterDepth, here.WaterSpeed, here.HeatFlux, here.WindSpeed);
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
}
