namespace TwinWorld.Simulation.Terrain;

/// <summary>What covers a cell. The numeric codes are the file format's codes: never renumber.</summary>
public enum LandUse : byte
{
    DeepWater = 0,
    ShallowWater = 1,
    Sand = 2,
    Grass = 3,
    Shrub = 4,
    Forest = 5,
    Road = 6,
    Building = 7,
    Plaza = 8,
    Rock = 9,
}
