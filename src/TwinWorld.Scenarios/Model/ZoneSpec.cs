using TwinWorld.Simulation.Zones;

namespace TwinWorld.Scenarios.Model;

/// <summary>A zone the scenario adds to the map: the walkable cells of a disc, as a shelter, school or workplace.</summary>
public sealed record ZoneSpec(string Name, ZoneKind Kind, DiscArea Area);
