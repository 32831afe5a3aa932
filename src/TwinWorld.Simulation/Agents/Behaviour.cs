namespace TwinWorld.Simulation.Agents;

/// <summary>What an agent is doing; the think system moves agents between these.</summary>
public enum Behaviour
{
    Idle = 0,
    Wander = 1,
    Commute = 2,
    Evacuate = 3,
    Flee = 4,
    FollowPlayer = 5,
    /// <summary>Reached a safe zone; stays there.</summary>
    Sheltered = 6,
}
