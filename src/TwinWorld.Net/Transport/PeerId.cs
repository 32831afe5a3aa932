namespace TwinWorld.Net.Transport;

/// <summary>One connection, numbered by its transport from 1; never reused, unlike LiteNetLib's peer ids.</summary>
public readonly record struct PeerId(long Value);
