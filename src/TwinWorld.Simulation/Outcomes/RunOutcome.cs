namespace TwinWorld.Simulation;

/// <summary>
/// How a run has gone so far, in the terms analysts compare runs by. Areas are in square metres:
/// flooded is land that was dry at the start and has had at least 0.1 m of water; burned includes
/// cells burning now; building damage counts building footprint with any damage, and destroyed.
/// </summary>
public sealed record RunOutcome(
    TimeSpan Time,
    int Agents,
    int Evacuated,
    int Injured,
    int Incapacitated,
    float FloodedArea,
    float MaxInundationDepth,
    float BurnedArea,
    float BurningArea,
    float DamagedBuildingArea,
    float DestroyedBuildingArea);
