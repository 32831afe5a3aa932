using Google.Protobuf;
using TwinWorld.Protocol.Commands;

namespace TwinWorld.Simulation.Inputs;

/// <summary>
/// An input that is one protobuf message about a player (a oneof of kinds: what it sent, what the server says of it),
/// with the player as its sender: checked against the rules declared beside its fields at the tick, then handed to the
/// handler of its kind.
/// </summary>
public abstract record PlayerMessageInput : SimulationInput
{
    protected PlayerMessageInput(long tick, InputSender from) : base(tick) => From = from;

    /// <summary>The message the input carries.</summary>
    protected abstract IMessage Message { get; }

    /// <summary>The chosen kind's message name ("PlayerSignal", "SpawnAvatar").</summary>
    public override string InputName => CommandRules.Chosen(Message)?.Descriptor.Name ?? $"Empty{Message.Descriptor.Name}";

    internal sealed override string? ApplyTo(Simulator simulation)
        => CommandRules.Problems(Message) is { Count: > 0 } problems ? string.Join("; ", problems) : Handle(simulation, From!.Value.ClientId);

    /// <summary>Applies the message's kind for the player; returns null, or why the world refused it.</summary>
    private protected abstract string? Handle(Simulator simulation, long clientId);

    public override string ToString() => $"{InputName} for client {From?.ClientId} at tick {Tick}: {Message}";
}
