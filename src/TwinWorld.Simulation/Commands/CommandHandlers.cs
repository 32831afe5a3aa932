using TwinWorld.Protocol.Commands;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Hazards;

namespace TwinWorld.Simulation.Commands;

/// <summary>What each command kind does to the world: one handler per kind, chosen by the command's oneof.</summary>
public static class CommandHandlers
{
    /// <summary>
    /// Why the command cannot run on any site (its declared rules, then rules between fields such as a
    /// tornado's wind above its speed), or null. Scenario files are checked with this when they load.
    /// </summary>
    public static string? ProblemAlone(WorldCommand command)
        => CommandRules.Problems(command) is { Count: > 0 } problems ? string.Join("; ", problems)
        : command.KindCase == WorldCommand.KindOneofCase.Tornado ? new TornadoStart(command.Tornado).Parameters.Problem()
        : null;

    internal static string? Apply(Simulator simulation, WorldCommand command)
        => ProblemAlone(command) ?? command.KindCase switch
        {
            WorldCommand.KindOneofCase.Tsunami => new TsunamiStart(command.Tsunami).Start(simulation),
            WorldCommand.KindOneofCase.RaiseSea => new SeaRaise(command.RaiseSea).Start(simulation),
            WorldCommand.KindOneofCase.Fire => new FireStart(command.Fire).Start(simulation),
            WorldCommand.KindOneofCase.Tornado => new TornadoStart(command.Tornado).Start(simulation),
            WorldCommand.KindOneofCase.Stop => HazardStop.Apply(simulation, command.Stop),
            WorldCommand.KindOneofCase.Wind => SetAmbientWind(simulation, command.Wind),
            WorldCommand.KindOneofCase.Alert => AlertIssue.Apply(simulation, command.Alert),
            WorldCommand.KindOneofCase.Spawn => AgentSpawn.Apply(simulation, command.Spawn),
            WorldCommand.KindOneofCase.Despawn => AgentDespawn.Apply(simulation, command.Despawn),
            WorldCommand.KindOneofCase.Camera => CameraPlace.Apply(simulation, command.Camera),
            _ => "the command is empty",
        };

    private static string? SetAmbientWind(Simulator simulation, SetWind wind)
    {
        simulation.Hazards.Wind.Ambient = Bearing.Towards(wind.From) * wind.Speed;
        return null;
    }
}
