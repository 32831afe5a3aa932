using TwinWorld.Simulation.Hazards;
using StopHazard = TwinWorld.Protocol.V1.StopHazard;

namespace TwinWorld.Simulation.Commands;

/// <summary>Stops a running hazard by name at this tick; each kind's system ends it its own way (waves stop coming, fire is put out, a tornado lifts).</summary>
internal static class HazardStop
{
    public static string? Apply(Simulator simulation, StopHazard stop)
    {
        // Names are trimmed when hazards start, so they are looked up trimmed too.
        string name = stop.Name.Trim();
        if (HazardNames.Find(simulation, name) is not { } entity)
        {
            var names = HazardNames.All(simulation);
            return $"there is no hazard named '{name}' (hazards: {(names.Count == 0 ? "none" : string.Join(", ", names))})";
        }
        var world = simulation.World;
        var hazard = world.Get<HazardEvent>(entity);
        if (hazard.StopTick <= simulation.Tick)
        {
            return $"the hazard '{name}' has already stopped";
        }
        world.Set(entity, hazard with { StopTick = simulation.Tick });
        return null;
    }
}
