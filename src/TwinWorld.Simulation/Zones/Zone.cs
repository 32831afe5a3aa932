using System.Numerics;

namespace TwinWorld.Simulation.Zones;

/// <summary>A named area of walkable cells: a shelter, the school, a workplace.</summary>
public sealed record Zone(int Id, string Name, ZoneKind Kind, Vector2 Centre, int[] Cells);
