namespace TwinWorld.Simulation.Agents;

public enum VitalState
{
    Healthy = 0,
    Injured = 1,
    /// <summary>Alive but unable to move on their own: needs rescue.</summary>
    Incapacitated = 2,
}
