using System.Numerics;

namespace TwinWorld.Simulation.Inputs;

/// <summary>A player's operation signal: the direction to walk (or, with <see cref="Run"/>, run) their avatar; zero stops it.</summary>
public sealed record PlayerSignal(long Tick, long ClientId, Vector2 Direction, bool Run = false) : SimulationInput(Tick)
{
    internal override string? ApplyTo(Simulation simulation) => simulation.SignalAvatar(ClientId, Direction, Run);
}
