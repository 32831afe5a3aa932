using TwinWorld.Ecs;
using TwinWorld.Simulation.Agents;

namespace TwinWorld.Simulation.Hazards.Harm;

/// <summary>
/// After agents have moved, each one takes the harm of what the hazards do where it now stands:
/// flood water, radiant heat and wind, within its kind's <see cref="HarmLimits"/>.
/// </summary>
internal sealed class HarmSystem : ISimulationSystem
{
    public string Name => "harm";

    /// <summary>People are harmed where they stand after moving.</summary>
    public IReadOnlyList<Type> RunsAfter => [typeof(ActSystem)];

    public void Update(Simulator simulation)
    {
        if (simulation.Hazards.AnyHarmPossible)
        {
            simulation.World.ParallelForEachChunk(AgentQueries.Agents, new HarmJob(simulation));
        }
    }

    private readonly struct HarmJob(Simulator simulation) : IChunkJob
    {
        public void Execute(in ChunkView chunk)
        {
            var positions = chunk.GetSpan<Position>();
            var agents = chunk.GetSpan<Agent>();
            var vitality = chunk.GetSpan<Vitality>();
            var hazards = simulation.Hazards;
            for (int i = 0; i < chunk.Count; i++)
            {
                var exposure = hazards.ExposureAt(positions[i].Value);
                vitality[i] = HarmModel.Apply(vitality[i], exposure, simulation.Profiles[agents[i].Kind].Harm, simulation.Dt);
            }
        }
    }
}
