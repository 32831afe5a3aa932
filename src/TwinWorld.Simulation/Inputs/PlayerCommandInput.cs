using TwinWorld.Protocol.Commands;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Simulation.Inputs;

/// <summary>
/// What a player does (inputs.proto's PlayerCommand: a signal to its avatar, a turn of its own view) at a tick,
/// with the player as its sender. Checked against its declared rules at the tick, then handed to its handler.
/// </summary>
public sealed record PlayerCommandInput : SimulationInput
{
    public PlayerCommandInput(long tick, InputSender from, PlayerCommand command) : base(tick)
    {
        Command = command;
        From = from;
    }

    public PlayerCommand Command { get; }

    /// <summary>The command's message name ("PlayerSignal").</summary>
    public override string InputName => CommandRules.Chosen(Command)?.Descriptor.Name ?? "EmptyPlayerCommand";

    internal override string? ApplyTo(Simulator simulation)
    {
        if (CommandRules.Problems(Command) is { Count: > 0 } problems)
        {
            return string.Join("; ", problems);
        }
        long client = From!.Value.ClientId;
        return Command.KindCase switch
        {
            PlayerCommand.KindOneofCase.Signal => AvatarSteer.Apply(simulation, client, Command.Signal),
            PlayerCommand.KindOneofCase.View => ViewTurn.Apply(simulation, client, Command.View),
            _ => "the command is empty",
        };
    }

    public override string ToString() => $"{InputName} from client {From?.ClientId} at tick {Tick}: {Command}";
}
