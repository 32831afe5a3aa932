using TwinWorld.Ecs;

namespace TwinWorld.Simulation.Hazards.Wind;

/// <summary>
/// Places this tick's tornadoes along their paths into the wind field, then lets every building cell
/// within their damaging reach feel the wind there. A tornado past the end of its path has lifted: it
/// stops there, so clients drop it from their maps.
/// </summary>
internal sealed class WindSystem : ISimulationSystem
{
    private static readonly QueryDescription Tornadoes = new QueryDescription().WithAll<HazardEvent, Tornado>();

    public string Name => "wind";

    /// <summary>Nothing: the wind is set by inputs and tornado entities.</summary>
    public IReadOnlyList<Type> RunsAfter => [];

    public void Update(Simulator simulation)
    {
        var wind = simulation.Hazards.Wind;
        wind.ClearVortices();
        long tick = simulation.Tick;
        foreach (var chunk in simulation.World.GetChunks(Tornadoes))
        {
            var events = chunk.GetSpan<HazardEvent>();
            var tornadoes = chunk.GetSpan<Tornado>();
            for (int i = 0; i < chunk.Count; i++)
            {
                float age = (tick - events[i].StartTick) * simulation.Dt;
                var tornado = tornadoes[i];
                if (!events[i].IsActiveAt(tick))
                {
                    continue;
                }
                if (age <= tornado.Lifetime)
                {
                    wind.AddVortex(new WindVortex(tornado.CentreAfter(age), tornado.Travel, tornado.CoreRadius, tornado.MaxTangentialWind));
                }
                else
                {
                    events[i] = events[i] with { StopTick = tick };
                }
            }
        }
        DamageBuildings(simulation, wind);
    }

    private static void DamageBuildings(Simulator simulation, WindField wind)
    {
        var terrain = simulation.Site.Terrain;
        var buildings = simulation.Hazards.Buildings;
        foreach (int cell in wind.CellsNearVortices(terrain, BuildingDamage.Thresholds[0]))
        {
            if (terrain.LandUse[cell] == Terrain.LandUse.Building)
            {
                buildings.Expose(cell, wind.At(terrain.CellCentre(cell)).Length());
            }
        }
    }
}
