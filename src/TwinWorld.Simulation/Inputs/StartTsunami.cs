using TwinWorld.Ecs;
using TwinWorld.Simulation.Hazards;
using TwinWorld.Simulation.Hazards.Water;

namespace TwinWorld.Simulation.Inputs;

/// <summary>
/// A tsunami wave train entering from the sea boundaries: crest-to-trough height (m), period (s),
/// and the compass bearing it comes from (270 = from the west, travelling east).
/// </summary>
public sealed record StartTsunami(long Tick, float Height, float PeriodSeconds, float FromBearingDegrees, string? Name = null, float DurationSeconds = float.PositiveInfinity)
    : StartHazard(Tick, Name, DurationSeconds)
{
    public override HazardKind Kind => HazardKind.Tsunami;

    internal override string? Problem(Simulation simulation)
        => !(Height > 0 && Height <= 50) ? $"the wave height must be above 0 and at most 50 m (got {Height})"
        : !(PeriodSeconds >= 5 && PeriodSeconds <= 7200) ? $"the period must be 5 to 7200 s (got {PeriodSeconds})"
        : !float.IsFinite(FromBearingDegrees) ? "the bearing must be a finite number of degrees"
        : null;

    internal override void AddParameters(World world, Entity hazard)
        => world.Add(hazard, new WaveTrain(Height, PeriodSeconds, Bearing.TravelAngle(FromBearingDegrees), 0));
}
