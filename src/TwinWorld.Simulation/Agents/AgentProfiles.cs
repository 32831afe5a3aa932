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
        new("child", 1.05f, 0.20f, 0.5f, 1.6f, 0.17f, 40f, 20f, FollowsAlerts: true, IsVehicle: false),
        new("elderly", 0.90f, 0.20f, 0.4f, 1.3f, 0.22f, 40f, 60f, FollowsAlerts: true, IsVehicle: false),
        new("vehicle", 8.00f, 1.50f, 3.0f, 14.0f, 1.00f, 80f, 20f, FollowsAlerts: true, IsVehicle: true),
        new("firefighter", 1.50f, 0.15f, 1.0f, 2.2f, 0.24f, 80f, 5f, FollowsAlerts: false, IsVehicle: false),
    ];

    public int Count => _profiles.Count;

    public AgentProfile this[AgentKind kind] => (int)kind >= 0 && (int)kind < _profiles.Count
        ? _profiles[(int)kind]
        : throw new ArgumentOutOfRangeException(nameof(kind), kind, $"No agent kind {(int)kind}; there are {_profiles.Count}.");

    /// <summary>Adds a kind and returns its id.</summary>
    public AgentKind Register(AgentProfile profile)
    {
        if (Find(profile.Name) is not null)
        {
            throw new ArgumentException($"An agent kind named '{profile.Name}' already exists.", nameof(profile));
        }
        _profiles.Add(profile);
        return (AgentKind)(_profiles.Count - 1);
    }

    public AgentKind? Find(string name)
    {
        int index = _profiles.FindIndex(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : (AgentKind)index;
    }
}
