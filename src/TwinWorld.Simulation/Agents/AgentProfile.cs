using TwinWorld.Simulation.Hazards.Harm;

namespace TwinWorld.Simulation.Agents;

/// <summary>
/// How a kind of agent behaves. Free walking speed is drawn per agent from a normal distribution
/// (mean, standard deviation) clamped to [<see cref="MinSpeed"/>, <see cref="MaxSpeed"/>]. The
/// reaction delay to an alert is drawn uniformly from [0.5, 1.5] x <see cref="ReactionDelaySeconds"/>.
/// </summary>
public sealed record AgentProfile(
    string Name,
    float FreeSpeedMean,
    float FreeSpeedDeviation,
    float MinSpeed,
    float MaxSpeed,
    float Radius,
    float PerceptionRadius,
    float ReactionDelaySeconds,
    bool FollowsAlerts,
    bool IsVehicle)
{
    /// <summary>What hazards this kind withstands before it is hurt.</summary>
    public HarmLimits Harm { get; init; } = HarmLimits.Adult;

    /// <summary>What this kind's people look like (their <see cref="Appearance"/>); a vehicle kind's is <see cref="AgentRole.Car"/>.</summary>
    public AgentRole Role { get; init; } = IsVehicle ? AgentRole.Car : AgentRole.Resident;
}
