using TwinWorld.Protocol.Commands;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

/// <summary>One of the world's commands (commands.proto: hazards, stops, the wind), as a scenario file wrote it.</summary>
public sealed record CommandAction(WorldCommand Command) : ActionSpec
{
    /// <summary>The action's key in a scenario file: the command's field name in WorldCommand ("fire", "raise_sea").</summary>
    public string Key => CommandRules.KindField(Command.KindCase).Name;

    /// <summary>The name a hazard command gives its hazard, or empty (a stop's name is the hazard it stops, not this).</summary>
    public string HazardName => Command.KindCase == WorldCommand.KindOneofCase.Stop ? ""
        : CommandRules.Chosen(Command) is { } chosen && chosen.Descriptor.FindFieldByName("name") is { } name ? (string)name.Accessor.GetValue(chosen) : "";

    public override SimulationInput ToInput(Site site, long tick) => new CommandInput(tick, Command);
}
