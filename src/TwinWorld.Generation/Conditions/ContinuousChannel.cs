namespace TwinWorld.Generation.Conditions;

/// <summary>The planes of the <c>continuous</c> input, in order (protocol/world-model.md gives each one's scale). Contract 1 had the first three.</summary>
public enum ContinuousChannel
{
    /// <summary>Surface elevation for overhead cameras, distance from the camera for perspective ones.</summary>
    ElevationOrDepth = 0,
    WaterDepth = 1,
    FireIntensity = 2,
    /// <summary>How high the point shown is above the ground under it: roofs, flames, a figure's head or feet, smoke, the funnel.</summary>
    Height = 3,
    /// <summary>How much smoke lies between the camera and the point shown, 0 (none) to 1 (it hides it).</summary>
    Smoke = 4,
    /// <summary>On a figure's pixels: 0 healthy, 0.5 injured, 1 incapacitated; 0 elsewhere.</summary>
    Harm = 5,
}
