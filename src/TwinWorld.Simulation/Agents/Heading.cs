namespace TwinWorld.Simulation.Agents;

/// <summary>Facing, in radians counter-clockwise from east.</summary>
public record struct Heading(float Radians);
