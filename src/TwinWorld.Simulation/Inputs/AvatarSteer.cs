using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Agents;
using PlayerSignal = TwinWorld.Protocol.V1.PlayerSignal;

namespace TwinWorld.Simulation.Inputs;

/// <summary>A player's signal: its avatar walks (or runs) that way from this tick; a zero direction stops it.</summary>
internal static class AvatarSteer
{
    private static readonly QueryDescription Avatars = new QueryDescription().WithAll<PlayerControl>();

    public static string? Apply(Simulator simulation, long clientId, PlayerSignal signal)
    {
        var direction = new Vector2(signal.DirectionX, signal.DirectionY);
        // Scale by the largest component first, so even huge finite vectors normalise to a unit one.
        float largest = MathF.Max(MathF.Abs(direction.X), MathF.Abs(direction.Y));
        var unit = largest == 0 ? Vector2.Zero : Vector2.Normalize(direction / largest);
        var desired = unit * (signal.Run ? PlayerControl.RunningSpeed : PlayerControl.WalkingSpeed);
        foreach (var chunk in simulation.World.GetChunks(Avatars))
        {
            var controls = chunk.GetSpan<PlayerControl>();
            for (int i = 0; i < chunk.Count; i++)
            {
                if (controls[i].ClientId == clientId)
                {
                    controls[i] = controls[i] with { DesiredVelocity = desired, SignalTick = simulation.Tick };
                    return null;
                }
            }
        }
        return $"client {clientId} has no avatar";
    }
}
