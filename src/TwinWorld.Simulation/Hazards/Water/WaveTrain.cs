namespace TwinWorld.Simulation.Hazards.Water;

/// <summary>
/// A regular wave train arriving from outside the grid: <paramref name="Height"/> crest to trough (m),
/// <paramref name="Period"/> (s), <paramref name="Direction"/> of travel (radians counter-clockwise from +x, east)
/// and the simulated time (s) it starts; its first period ramps up from calm. It enters through the
/// <see cref="WaterBoundary.Inflow"/> sides facing it.
/// </summary>
public readonly record struct WaveTrain(float Height, float Period, float Direction, float StartTime);
