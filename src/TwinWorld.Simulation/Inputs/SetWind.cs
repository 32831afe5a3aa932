using TwinWorld.Simulation.Hazards;

namespace TwinWorld.Simulation.Inputs;

/// <summary>Sets the ambient wind at 10 m over open ground: speed (m/s) and the compass bearing it blows from.</summary>
public sealed record SetWind(long Tick, float Speed, float FromBearingDegrees) : SimulationInput(Tick)
{
    internal override string? ApplyTo(Simulation simulation)
    {
        if (!(Speed >= 0 && Speed <= 100) || !float.IsFinite(FromBearingDegrees))
        {
            return $"the wind must be 0 to 100 m/s from a finite bearing (got {Speed} m/s from {FromBearingDegrees} degrees)";
        }
        simulation.Hazards.Wind.Ambient = Bearing.Towards(FromBearingDegrees) * Speed;
        return null;
    }
}
