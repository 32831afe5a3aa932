namespace TwinWorld.Scenarios.Model;

/// <summary>The outcome figures a scenario can record and conditions can test.</summary>
public enum Metric
{
    Evacuated,
    Injured,
    Incapacitated,
    /// <summary>Square metres of land that was dry and has flooded.</summary>
    FloodedArea,
    /// <summary>The deepest water on land so far, metres.</summary>
    MaxDepth,
    /// <summary>Square metres burned (or burning).</summary>
    BurnedArea,
    /// <summary>Square metres of building footprint damaged by wind.</summary>
    DamagedBuildings,
}
