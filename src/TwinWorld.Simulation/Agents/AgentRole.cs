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
