namespace TwinWorld.Simulation.Agents;

/// <summary>
/// What an agent looks like: its appearance, not its behaviour (that is its kind's <see cref="AgentProfile"/>).
/// Each kind has one (<see cref="AgentProfile.Role"/>); a scenario's population group may give its people another.
/// The numbers are stored in snapshots and fed to world models: never renumber, only add.
/// </summary>
public enum AgentRole : byte
{
    Resident = 0,
    Child = 1,
    Elderly = 2,
    /// <summary>A vehicle, drawn as a car; the only role a vehicle kind takes.</summary>
    Car = 3,
    Firefighter = 4,
    Tourist = 5,
    Guard = 6,
}

/// <summary>Role names as scenarios write them, and which roles are vehicles.</summary>
public static class AgentRoles
{
    /// <summary>Every role by its scenario name (lower case), in enum order.</summary>
    public static IReadOnlyDictionary<string, AgentRole> ByName { get; } = Enum.GetValues<AgentRole>()
        .ToDictionary(role => Name(role), role => role, StringComparer.OrdinalIgnoreCase);

    public static string Name(AgentRole role) => role.ToString().ToLowerInvariant();

    public static bool IsVehicle(AgentRole role) => role == AgentRole.Car;
}
