namespace TwinWorld.Simulation.Hazards.Water;

/// <summary>What lies beyond one side of the water grid.</summary>
public enum WaterBoundary
{
    /// <summary>A vertical wall: water reflects, nothing crosses.</summary>
    Wall,

    /// <summary>Transmissive: the water outside is like the edge cell, so floods and waves leave freely.</summary>
    Open,

    /// <summary>
    /// The sea at <see cref="ShallowWaterSolver.StillLevel"/>: wave trains travelling into the grid enter here and waves
    /// leaving the grid pass out (a generating-absorbing boundary). Cells whose bed is above the still level act as Open.
    /// </summary>
    Inflow,
}
