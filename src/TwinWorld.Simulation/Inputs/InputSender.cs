namespace TwinWorld.Simulation.Inputs;

/// <summary>Who sent an input over the network and under which request, so a refusal at the tick goes back to them.</summary>
public readonly record struct InputSender(long ClientId, uint RequestId);
