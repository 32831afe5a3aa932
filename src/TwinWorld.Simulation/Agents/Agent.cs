namespace TwinWorld.Simulation.Agents;

/// <summary>What an agent is: its kind, its own free speed (drawn from its kind's spread) and body radius.</summary>
public record struct Agent(AgentKind Kind, float FreeSpeed, float Radius);
