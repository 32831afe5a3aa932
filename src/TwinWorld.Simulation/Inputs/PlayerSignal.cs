using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Agents;

namespace TwinWorld.Simulation.Inputs;

/// <summary>A player's direction to walk (or, with <see cref="Run"/>, run) their avatar; zero stops it.</summary>
public sealed record PlayerSignal(long Tick, long ClientId, Vector2 Direction, bool Run = false) : SimulationInput(Tick)
{
    private static readonly QueryDescription Avatars = new QueryDescription().WithAll<PlayerControl>();

    internal override string? ApplyTo(Simulation simulation)
    {
        if (!(float.IsFinite(Direction.X) && float.IsFinite(Direction.Y)))
        {
            return "the direction is not a finite vector";
        }
        // Scale by the largest component first, so even huge finite vectors normalise to a unit one.
        float largest = MathF.Max(MathF.Abs(Direction.X), MathF.Abs(Direction.Y));
        var unit = largest == 0 ? Vector2.Zero : Vector2.Normalize(Direction / largest);
        var desired = unit * (Run ? PlayerControl.RunningSpeed : PlayerControl.WalkingSpeed);
        foreach (var chunk in simulation.World.GetChunks(Avatars))
        {
            var controls = chunk.GetSpan<PlayerControl>();
            for (int i = 0; i < chunk.Count; i++)
            {
                if (controls[i].ClientId == ClientId)
                {
                    controls[i] = controls[i] with { DesiredVelocity = desired, SignalTick = simulation.Tick };
                    return null;
                }
            }
        }
        return $"client {ClientId} has no avatar";
    }
}
