namespace TwinWorld.Net.Transport;

/// <summary>One connection, numbered by its transport from 1; never reused, unlike ENet's peer slots.</summary>
public readonly record struct PeerId(long Value);
