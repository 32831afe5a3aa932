using TwinWorld.Protocol.Commands;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Inputs;

namespace TwinWorld.Simulation.Commands;

/// <summary>
/// One of the world's commands (commands.proto) at a tick, completed with its declared defaults, so a
/// recording holds exactly what ran. Its rules are checked again at the tick: whoever built it.
/// </summary>
public sealed record CommandInput : SimulationInput
{
    public CommandInput(long tick, WorldCommand command) : base(tick) => Command = CommandRules.Completed(command);

    public WorldCommand Command { get; }

    /// <summary>The command's message name ("IgniteFire").</summary>
    public override string InputName => CommandRules.Chosen(Command)?.Descriptor.Name ?? "EmptyCommand";

    internal override string? ApplyTo(Simulator simulation) => CommandHandlers.Apply(simulation, Command);

    public override string ToString() => $"{InputName} at tick {Tick}: {Command}";
}
