using System.Numerics;

namespace TwinWorld.Simulation.Hazards.Fire;

/// <summary>A fire's parameters: where it was set, and the radius of the disc set alight.</summary>
public record struct FireIgnition(Vector2 At, float Radius);
