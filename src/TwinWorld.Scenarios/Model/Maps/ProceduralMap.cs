using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

public sealed record ProceduralMap(ProceduralTownOptions Options) : MapSpec
{
    public override Site Build() => ProceduralTown.Generate(Options);
}
