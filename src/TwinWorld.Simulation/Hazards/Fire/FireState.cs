namespace TwinWorld.Simulation.Hazards.Fire;

/// <summary>Where a terrain cell stands with respect to fire.</summary>
public enum FireState : byte
{
    /// <summary>No fuel (water, road, building, rock): never burns.</summary>
    Unburnable = 0,

    /// <summary>Has fuel and has not burned yet.</summary>
    Unburned = 1,

    /// <summary>The flaming front is in the cell.</summary>
    Burning = 2,

    /// <summary>Burned for its residence time; the fuel is spent.</summary>
    BurnedOut = 3,
}
