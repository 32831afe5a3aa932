namespace TwinWorld.Simulation.Agents;

/// <summary>How an agent looks (cameras and world models draw it so): set at spawn from its kind's <see cref="AgentProfile.Role"/>; no system changes it.</summary>
public record struct Appearance(AgentRole Role);
