using TwinWorld.Protocol.Commands;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

/// <summary>One of the world's commands (commands.proto: hazards, stops, the wind, alerts, spawns, despawns, cameras), as a scenario file wrote it.</summary>
public sealed record CommandAction(WorldCommand Command) : ActionSpec
{
    /// <summary>The action's key in a scenario file: the command's field name in WorldCommand ("fire", "raise_sea").</summary>
    public string Key => CommandRules.KindField(Command.KindCase).Name;

    /// <summary>The name a hazard command gives its hazard (its field whose rule names a new hazard), or empty.</summary>
    public string HazardName => CommandRules.Chosen(Command) is { } chosen
        && chosen.Descriptor.Fields.InDeclarationOrder().FirstOrDefault(f => CommandRules.RuleOf(f)?.Names == "new_hazard") is { } name
        ? (string)name.Accessor.GetValue(chosen) : "";

    public override SimulationInput ToInput(Site site, long tick) => new CommandInput(tick, Command);
}
