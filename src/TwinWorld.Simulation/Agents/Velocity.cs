using System.Numerics;

namespace TwinWorld.Simulation.Agents;

/// <summary>Metres per second.</summary>
public record struct Velocity(Vector2 Value);
