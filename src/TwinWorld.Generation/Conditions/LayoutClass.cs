namespace TwinWorld.Generation.Conditions;

/// <summary>The semantic class of a layout pixel. The numbers are the contract's (protocol/world-model.md): never renumber.</summary>
public enum LayoutClass : byte
{
    Sky = 0,
    Sand = 1,
    Grass = 2,
    Shrub = 3,
    Forest = 4,
    Rock = 5,
    Road = 6,
    Plaza = 7,
    Building = 8,
    DamagedBuilding = 9,
    WaterShallow = 10,
    WaterWading = 11,
    WaterDeep = 12,
    Fire = 13,
    Burnt = 14,
    Smoke = 15,
    Civilian = 16,
    Child = 17,
    Elderly = 18,
    Vehicle = 19,
    Firefighter = 20,
}
