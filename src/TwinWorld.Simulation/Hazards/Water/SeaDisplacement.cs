using System.Numerics;

namespace TwinWorld.Simulation.Hazards.Water;

/// <summary>A tsunami's parameters when it starts as a sudden hump (or trough) in the sea surface.</summary>
public record struct SeaDisplacement(Vector2 Centre, float Radius, float Height);
