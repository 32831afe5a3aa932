using System.Globalization;
using System.Numerics;
using TwinWorld.Protocol.V1;
using Sim = TwinWorld.Simulation.Inputs;

namespace TwinWorld.Net.Sessions;

/// <summary>
/// Turns an author's command into the simulation input it stands for. Values that are not finite, or
/// names too long to be names, are refused here; the simulation checks the rest at the tick (points off
/// the site, out-of-range strengths) and the server logs what it rejects.
/// </summary>
internal static class AuthorCommands
{
    private const int MaxNameLength = 64;

    /// <summary>The input, or why the command cannot be one.</summary>
    public static (Sim.SimulationInput? Input, string? Problem) Translate(AuthorCommand command, long tick)
    {
        Sim.SimulationInput? input = command.CommandCase switch
        {
            AuthorCommand.CommandOneofCase.Tsunami => new Sim.StartTsunami(tick, command.Tsunami.HeightMetres, command.Tsunami.PeriodSeconds,
                command.Tsunami.FromBearingDegrees, NameOrNull(command.Tsunami.Name), Duration(command.Tsunami.DurationSeconds)),
            AuthorCommand.CommandOneofCase.Fire => new Sim.IgniteFire(tick, new Vector2(command.Fire.X, command.Fire.Y),
                command.Fire.RadiusMetres == 0 ? 3 : command.Fire.RadiusMetres, NameOrNull(command.Fire.Name), Duration(command.Fire.DurationSeconds)),
            AuthorCommand.CommandOneofCase.Tornado => new Sim.StartTornado(tick, new Vector2(command.Tornado.FromX, command.Tornado.FromY),
                new Vector2(command.Tornado.ToX, command.Tornado.ToY), command.Tornado.TranslationSpeed, command.Tornado.MaxWind,
                command.Tornado.CoreRadiusMetres == 0 ? 50 : command.Tornado.CoreRadiusMetres, NameOrNull(command.Tornado.Name)),
            AuthorCommand.CommandOneofCase.Stop => new Sim.StopHazard(tick, command.Stop.Name),
            AuthorCommand.CommandOneofCase.Wind => new Sim.SetWind(tick, command.Wind.Speed, command.Wind.FromBearingDegrees),
            _ => null,
        };
        if (input is null)
        {
            return (null, "the command is empty");
        }
        string? problem = command.CommandCase switch
        {
            AuthorCommand.CommandOneofCase.Tsunami => Finite(command.Tsunami.HeightMetres, command.Tsunami.PeriodSeconds, command.Tsunami.FromBearingDegrees, command.Tsunami.DurationSeconds)
                ?? Name(command.Tsunami.Name) ?? DurationProblem(command.Tsunami.DurationSeconds),
            AuthorCommand.CommandOneofCase.Fire => Finite(command.Fire.X, command.Fire.Y, command.Fire.RadiusMetres, command.Fire.DurationSeconds) ?? Name(command.Fire.Name)
                ?? DurationProblem(command.Fire.DurationSeconds),
            AuthorCommand.CommandOneofCase.Tornado => Finite(command.Tornado.FromX, command.Tornado.FromY, command.Tornado.ToX, command.Tornado.ToY,
                command.Tornado.TranslationSpeed, command.Tornado.MaxWind, command.Tornado.CoreRadiusMetres) ?? Name(command.Tornado.Name),
            AuthorCommand.CommandOneofCase.Stop => string.IsNullOrWhiteSpace(command.Stop.Name) ? "a hazard to stop needs its name" : Name(command.Stop.Name),
            AuthorCommand.CommandOneofCase.Wind => Finite(command.Wind.Speed, command.Wind.FromBearingDegrees),
            _ => null,
        };
        return problem is null ? (input, null) : (null, problem);
    }

    private static string? NameOrNull(string name) => string.IsNullOrWhiteSpace(name) ? null : name;

    private static float Duration(float seconds) => seconds == 0 ? float.PositiveInfinity : seconds;

    /// <summary>0 is "until stopped"; any other value is checked as a duration typed in a scenario is.</summary>
    private static string? DurationProblem(float seconds)
        => seconds == 0 || Simulation.Duration.TryFromSeconds(seconds, seconds.ToString(CultureInfo.InvariantCulture), out _, out string? problem) ? null : $"duration_seconds {problem}";

    private static string? Name(string name) => name.Length > MaxNameLength ? $"names are at most {MaxNameLength} characters" : null;

    private static string? Finite(params float[] values)
        => values.All(float.IsFinite) ? null : "every number must be finite";
}
