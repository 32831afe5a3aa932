using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Terrain.Files;

namespace TwinWorld.Scenarios.Model;

/// <summary>Where the scenario happens: the procedural town, or terrain imported from files.</summary>
public abstract record MapSpec
{
    public abstract Site Build();
}

public sealed record ProceduralMap(ProceduralTownOptions Options) : MapSpec
{
    public override Site Build() => ProceduralTown.Generate(Options);
}

public sealed record ImportedMap(TerrainImportOptions Options) : MapSpec
{
    public override Site Build() => TerrainFiles.Import(Options);
}
