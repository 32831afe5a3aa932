using System.Numerics;
using System.Runtime.InteropServices;
using TwinWorld.Ecs;

namespace TwinWorld.Simulation.Hazards.Water;

/// <summary>
/// Runs the water: a tsunami's sea-surface displacement lands at its start tick, active wave trains
/// drive the sea boundaries, and from the first tsunami on the water is advanced one tick (in as
/// many CFL sub-steps as it needs) and the flood maps take in the result.
/// </summary>
internal sealed class FloodSystem : ISimulationSystem
{
    private static readonly QueryDescription WaveTrains = new QueryDescription().WithAll<HazardEvent, WaveTrain>();
    private static readonly QueryDescription Displacements = new QueryDescription().WithAll<HazardEvent, SeaDisplacement>();

    private readonly List<WaveTrain> _waves = [];

    public string Name => "water";

    /// <summary>Nothing: the water moves by its own sources (wave trains and sea displacements).</summary>
    public IReadOnlyList<Type> RunsAfter => [];

    /// <summary>
    /// Wave trains come in through the sides they travel into; every other side is open, so waves
    /// and floods leave freely (an inflow side parallel to a wave would hold the water near rest).
    /// </summary>
    private void SetSides(ShallowWaterSolver water)
    {
        WaterBoundary Side(Vector2 inward) => _waves.Any(w => Vector2.Dot(DeterministicMath.Direction(w.Direction), inward) > 0.1f) ? WaterBoundary.Inflow : WaterBoundary.Open;
        water.West = Side(Vector2.UnitX);
        water.East = Side(-Vector2.UnitX);
        water.South = Side(Vector2.UnitY);
        water.North = Side(-Vector2.UnitY);
    }

    public void Update(Simulator simulation)
    {
        var hazards = simulation.Hazards;
        long tick = simulation.Tick;
        float now = tick * simulation.Dt;
        _waves.Clear();
        foreach (var chunk in simulation.World.GetChunks(WaveTrains))
        {
            var events = chunk.GetSpan<HazardEvent>();
            var trains = chunk.GetSpan<WaveTrain>();
            for (int i = 0; i < chunk.Count; i++)
            {
                if (events[i].IsActiveAt(tick))
                {
                    _waves.Add(trains[i] with { StartTime = events[i].StartTick * simulation.Dt });
                    hazards.Water.Moving = true;
                }
            }
        }
        foreach (var chunk in simulation.World.GetChunks(Displacements))
        {
            var events = chunk.GetSpan<HazardEvent>();
            var humps = chunk.GetSpan<SeaDisplacement>();
            for (int i = 0; i < chunk.Count; i++)
            {
                if (events[i].StartTick == tick)
                {
                    hazards.Water.Solver.AddDisplacement(humps[i].Centre, humps[i].Radius, humps[i].Height);
                    hazards.Water.Moving = true;
                }
            }
        }
        if (hazards.Water.Moving)
        {
            SetSides(hazards.Water.Solver);
            hazards.Water.Solver.Advance(simulation.Dt, now, CollectionsMarshal.AsSpan(_waves));
            hazards.Flood.Update(hazards.Water, now + simulation.Dt);
        }
    }
}
