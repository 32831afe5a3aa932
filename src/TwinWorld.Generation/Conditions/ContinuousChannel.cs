namespace TwinWorld.Generation.Conditions;

/// <summary>The planes of the <c>continuous</c> input, in order (protocol/world-model.md).</summary>
public enum ContinuousChannel
{
    /// <summary>Surface elevation for overhead cameras, distance from the camera for perspective ones.</summary>
    ElevationOrDepth = 0,
    WaterDepth = 1,
    FireIntensity = 2,
}
