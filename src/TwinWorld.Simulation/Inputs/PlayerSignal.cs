using System.Numerics;

namespace TwinWorld.Simulation.Inputs;

/// <summary>A player's operation signal: the direction to walk their avatar (zero to stop).</summary>
public sealed record PlayerSignal(long Tick, long ClientId, Vector2 Direction) : SimulationInput(Tick)
{
    internal override string? ApplyTo(Simulation simulation) => simulation.SignalAvatar(ClientId, Direction);
}
