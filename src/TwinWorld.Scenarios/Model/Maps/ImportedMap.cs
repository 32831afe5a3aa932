using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Terrain.Files;

namespace TwinWorld.Scenarios.Model;

public sealed record ImportedMap(TerrainImportOptions Options) : MapSpec
{
    public override Site Build() => TerrainFiles.Import(Options);
}
