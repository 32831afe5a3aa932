using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Inputs;

namespace TwinWorld.Net.Sessions;

/// <summary>
/// Authors' commands: rate-limited, checked (a world command by its declared rules, a typed action by the
/// hosted scenario's loader) and queued for their tick with their sender, so that the world's refusal at the
/// tick goes back to them (<see cref="TickRefusals"/>).
/// </summary>
internal sealed class AuthorDesk(ISessionAnswers answers, InputQueue inputs, double tickRateHz, IAuthorActions? actions, double commandsPerSecond, ILogger logger)
{
    /// <summary>How far ahead an author may stamp a command.</summary>
    private const double MaxLeadSeconds = 600;

    /// <summary>Network thread: one command from a joined author; <paramref name="nextTick"/> is the first tick not yet run.</summary>
    public void Handle(Session session, AuthorCommand command, long nextTick)
    {
        if (!session.CommandLimiter.TryTake(Stopwatch.GetTimestamp()))
        {
            answers.Strike(session, ErrorCode.RateLimited, $"more than {commandsPerSecond} author commands a second", command.RequestId);
            return;
        }
        long tick = Math.Max((long)Math.Min(command.Tick, long.MaxValue), nextTick);
        if (tick > nextTick + (long)(MaxLeadSeconds * tickRateHz))
        {
            answers.Error(session, ErrorCode.InvalidArgument, $"a command may be at most {MaxLeadSeconds} s ahead", command.RequestId);
            return;
        }
        var input = command.CommandCase == AuthorCommand.CommandOneofCase.Action ? Parse(session, command, tick) : Check(session, command, tick);
        if (input is null)
        {
            return;
        }
        inputs.Enqueue(input with { From = new InputSender((long)session.ClientId, command.RequestId) });
        logger.LogInformation("Client {Client} ({Name}) queued {Input} for tick {Tick}", session.ClientId, ClientText.Escaped(session.Name), input.InputName, tick);
        answers.Reply(session, new Envelope { CommandResult = new CommandResult { RequestId = command.RequestId, Tick = (ulong)tick } });
    }

    /// <summary>A world command, checked by its declared rules; a mistake is answered but not held against the author (as a typed action's).</summary>
    private CommandInput? Check(Session session, AuthorCommand command, long tick)
    {
        var input = new CommandInput(tick, command.World ?? new WorldCommand());
        if (CommandHandlers.ProblemAlone(input.Command) is { } problem)
        {
            answers.Error(session, ErrorCode.InvalidArgument, problem, command.RequestId);
            return null;
        }
        return input;
    }

    /// <summary>An action typed as in a scenario; a mistake in it is an author's typo, answered but not held against them.</summary>
    private SimulationInput? Parse(Session session, AuthorCommand command, long tick)
    {
        if (actions is null)
        {
            answers.Error(session, ErrorCode.NotAvailable, "actions written as in a scenario need one: start the server with World:Scenario=<file>", command.RequestId);
            return null;
        }
        var (input, problem) = actions.Parse(command.Action, tick);
        if (input is null)
        {
            answers.Error(session, ErrorCode.InvalidArgument, problem!, command.RequestId);
        }
        return input;
    }
}
