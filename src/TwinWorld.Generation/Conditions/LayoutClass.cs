namespace TwinWorld.Generation.Conditions;

/// <summary>
/// The semantic class of a layout pixel. The numbers are the contract's (protocol/world-model.md): never renumber.
/// Contract 1 had the first 21 (0 to 20, <see cref="Resident"/> was called civilian); contract 2 added the rest.
/// </summary>
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
    /// <summary>Smoke thick enough to hide what is behind it (thinner smoke is the smoke plane over the class behind).</summary>
    Smoke = 15,
    Resident = 16,
    Child = 17,
    Elderly = 18,
    Vehicle = 19,
    Firefighter = 20,
    Tourist = 21,
    Guard = 22,
    /// <summary>A tornado's condensation funnel.</summary>
    Funnel = 23,
    /// <summary>The cloud of dust and debris whirling at a tornado's foot.</summary>
    DebrisCloud = 24,
    /// <summary>Wreckage strewn on the ground beside buildings the wind has damaged.</summary>
    Debris = 25,
}
