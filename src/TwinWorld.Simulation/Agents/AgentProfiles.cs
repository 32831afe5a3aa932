using TwinWorld.Simulation.Hazards.Harm;

namespace TwinWorld.Simulation.Agents;

/// <summary>
/// The kinds of agent in a run. Walking speeds follow Weidmann (1993): free walking speed of adults
/// 1.34 m/s with a standard deviation of 0.26 m/s; children and elderly people slower, after the
/// age dependence Weidmann reports (RiMEA uses the same source for its test 7).
/// </summary>
public sealed class AgentProfiles
{
    private readonly List<AgentProfile> _profiles =
    [
        new("civilian", 1.34f, 0.26f, 0.6f, 2.0f, 0.22f, 60f, 30f, FollowsAlerts: true, IsVehicle: false),
        new("child", 1.05f, 0.20f, 0.5f, 1.6f, 0.17f, 40f, 20f, FollowsAlerts: true, IsVehicle: false) { Harm = HarmLimits.Vulnerable, Role = AgentRole.Child },
        new("elderly", 0.90f, 0.20f, 0.4f, 1.3f, 0.22f, 40f, 60f, FollowsAlerts: true, IsVehicle: false) { Harm = HarmLimits.Vulnerable, Role = AgentRole.Elderly },
        new("vehicle", 8.00f, 1.50f, 3.0f, 14.0f, 1.00f, 80f, 20f, FollowsAlerts: true, IsVehicle: true) { Harm = HarmLimits.Vehicle },
        new("firefighter", 1.50f, 0.15f, 1.0f, 2.2f, 0.24f, 80f, 5f, FollowsAlerts: false, IsVehicle: false) { Harm = HarmLimits.Firefighter, Role = AgentRole.Firefighter },
    ];

    public int Count => _profiles.Count;

    public AgentProfile this[AgentKind kind] => (int)kind >= 0 && (int)kind < _profiles.Count
        ? _profiles[(int)kind]
        : throw new ArgumentOutOfRangeException(nameof(kind), kind, $"No agent kind {(int)kind}; there are {_profiles.Count}.");

    /// <summary>Adds a kind and returns its id.</summary>
    public AgentKind Register(AgentProfile profile)
    {
        Validate(profile);
        if (Find(profile.Name) is not null)
        {
            throw new ArgumentException($"An agent kind named '{profile.Name}' already exists.", nameof(profile));
        }
        _profiles.Add(profile);
        return (AgentKind)(_profiles.Count - 1);
    }

    private static void Validate(AgentProfile p)
    {
        string? problem =
            string.IsNullOrWhiteSpace(p.Name) ? "it has no name"
            : !(p.MinSpeed > 0 && p.MinSpeed <= p.MaxSpeed && p.MaxSpeed <= 100) ? $"speeds need 0 < MinSpeed <= MaxSpeed <= 100 m/s (got {p.MinSpeed} to {p.MaxSpeed})"
            : !(p.FreeSpeedMean >= p.MinSpeed && p.FreeSpeedMean <= p.MaxSpeed) ? $"the mean speed {p.FreeSpeedMean} m/s is outside {p.MinSpeed} to {p.MaxSpeed}"
            : !(p.FreeSpeedDeviation >= 0 && p.FreeSpeedDeviation <= 10) ? $"the speed deviation {p.FreeSpeedDeviation} must be 0 to 10 m/s"
            : !(p.Radius > 0 && p.Radius <= 10) ? $"the radius {p.Radius} m must be above 0 and at most 10"
            : !(p.PerceptionRadius >= 0 && p.PerceptionRadius <= 1000) ? $"the perception radius {p.PerceptionRadius} m must be 0 to 1000"
            : !(p.ReactionDelaySeconds >= 0 && p.ReactionDelaySeconds <= 86400) ? $"the reaction delay {p.ReactionDelaySeconds} s must be 0 to 86400"
            : p.Harm.Problem() is { } harm ? $"its harm limits are invalid: {harm}"
            : !Enum.IsDefined(p.Role) ? $"it has no role {(int)p.Role}"
            : AgentRoles.IsVehicle(p.Role) != p.IsVehicle ? $"a {(p.IsVehicle ? "vehicle" : "person")} cannot look like a {AgentRoles.Name(p.Role)}"
            : null;
        if (problem is not null)
        {
            throw new ArgumentException($"Agent kind '{p.Name}' is invalid: {problem}.", nameof(p));
        }
    }

    public AgentKind? Find(string name)
    {
        int index = _profiles.FindIndex(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : (AgentKind)index;
    }
}
