using System.Numerics;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Inputs;

namespace TwinWorld.Simulation.Tests;

/// <summary>A player's commands (inputs.proto's PlayerCommand) as a client sends them, briefly.</summary>
internal static class Players
{
    public static PlayerCommandInput Signal(long tick, long client, Vector2 direction, bool run = false)
        => new(tick, new InputSender(client, 0), new PlayerCommand { Signal = new PlayerSignal { DirectionX = direction.X, DirectionY = direction.Y, Run = run } });

    /// <summary>A view turned by radians, sent as the heading steps the wire carries.</summary>
    public static PlayerCommandInput View(long tick, long client, Cameras.CameraMode mode, float yaw, float pitch)
    {
        int steps = ((Quantisation.Angle(yaw) % Quantisation.HeadingSteps) + Quantisation.HeadingSteps) % Quantisation.HeadingSteps;
        var view = new PlayerView { Mode = (Protocol.V1.CameraMode)(int)mode, Yaw = (uint)steps, Pitch = Quantisation.Angle(pitch) };
        return new(tick, new InputSender(client, 0), new PlayerCommand { View = view });
    }
}
