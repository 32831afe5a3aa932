using System.Numerics;

namespace TwinWorld.Simulation.Agents;

/// <summary>Where an entity stands, in metres from the site's south-west corner.</summary>
public record struct Position(Vector2 Value);
