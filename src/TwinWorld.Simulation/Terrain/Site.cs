using TwinWorld.Simulation.Zones;

namespace TwinWorld.Simulation.Terrain;

/// <summary>A place to simulate: the ground and its named zones.</summary>
public sealed record Site(TerrainGrid Terrain, ZoneMap Zones);
