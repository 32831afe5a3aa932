namespace TwinWorld.Simulation;

/// <summary>One part of the state hash: what it covers, and the systems (or inputs) that write it.</summary>
public sealed record StateHashPart(string Name, string WrittenBy);
