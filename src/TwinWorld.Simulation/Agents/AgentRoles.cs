namespace TwinWorld.Simulation.Agents;

/// <summary>Role names as scenarios write them, and which roles are vehicles.</summary>
public static class AgentRoles
{
    /// <summary>Every role by its scenario name (lower case), in enum order.</summary>
    public static IReadOnlyDictionary<string, AgentRole> ByName { get; } = Enum.GetValues<AgentRole>()
        .ToDictionary(role => Name(role), role => role, StringComparer.OrdinalIgnoreCase);

    public static string Name(AgentRole role) => role.ToString().ToLowerInvariant();

    public static bool IsVehicle(AgentRole role) => role == AgentRole.Car;
}
