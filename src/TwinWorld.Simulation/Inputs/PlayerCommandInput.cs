using Google.Protobuf;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Simulation.Inputs;

/// <summary>What a player does (inputs.proto's PlayerCommand: a signal to its avatar, a turn of its own view) at a tick.</summary>
public sealed record PlayerCommandInput : PlayerMessageInput
{
    public PlayerCommandInput(long tick, InputSender from, PlayerCommand command) : base(tick, from) => Command = command;

    public PlayerCommand Command { get; }

    protected override IMessage Message => Command;

    private protected override string? Handle(Simulator simulation, long clientId) => Command.KindCase switch
    {
        PlayerCommand.KindOneofCase.Signal => AvatarSteer.Apply(simulation, clientId, Command.Signal),
        PlayerCommand.KindOneofCase.View => ViewTurn.Apply(simulation, clientId, Command.View),
        _ => "the command is empty",
    };
}
