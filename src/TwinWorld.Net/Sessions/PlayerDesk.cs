using TwinWorld.Protocol.Commands;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Inputs;

namespace TwinWorld.Net.Sessions;

/// <summary>
/// Players' signals and views: each checked (a signal taken once, in sequence order, and not too far ahead; a view
/// by its declared rules) and queued for its tick as the message the client sent, with the player as its sender.
/// What breaks the rules is a strike: a client, not a person, sent it.
/// </summary>
internal sealed class PlayerDesk(ISessionAnswers answers, InputQueue inputs, double tickRateHz)
{
    /// <summary>How far ahead a player may stamp a signal.</summary>
    private const double MaxSignalLeadSeconds = 10;
    private const int MaxSignalsPerMessage = 64;

    /// <summary>Network thread: the signals a player has not seen acknowledged; <paramref name="nextTick"/> is the first tick not yet run.</summary>
    public void Signals(Session session, PlayerInput input, long nextTick)
    {
        if (!session.HasAvatar)
        {
            answers.Strike(session, ErrorCode.NoSuchEntity, "this connection has no avatar to steer", 0);
            return;
        }
        if (input.Signals.Count > MaxSignalsPerMessage)
        {
            answers.Strike(session, ErrorCode.InvalidArgument, $"more than {MaxSignalsPerMessage} signals in one message", 0);
            return;
        }
        long latest = nextTick + (long)(MaxSignalLeadSeconds * tickRateHz);
        foreach (var signal in input.Signals.OrderBy(s => s.Sequence))
        {
            if (signal.Sequence <= session.InputSequence)
            {
                continue; // already taken: signals repeat until acknowledged
            }
            session.InputSequence = signal.Sequence;
            var command = new PlayerCommand { Signal = signal };
            if (signal.Tick > (ulong)latest || CommandRules.Problems(command).Count > 0)
            {
                answers.Strike(session, ErrorCode.InvalidArgument, $"signal {signal.Sequence} has a direction that is not finite or a tick more than {MaxSignalLeadSeconds} s ahead", 0);
                continue;
            }
            inputs.Enqueue(new PlayerCommandInput((long)signal.Tick, new InputSender((long)session.ClientId, 0), command));
        }
    }

    /// <summary>Network thread: how a player's own camera looks, from the next tick.</summary>
    public void View(Session session, PlayerView view, long nextTick)
    {
        if (!session.HasAvatar)
        {
            answers.Strike(session, ErrorCode.NoSuchEntity, "this connection has no camera of its own to turn", 0);
            return;
        }
        if (view.Mode is not (CameraMode.ThirdPersonFollow or CameraMode.FirstPerson))
        {
            answers.Strike(session, ErrorCode.InvalidArgument, $"a player's view is CAMERA_MODE_THIRD_PERSON_FOLLOW or CAMERA_MODE_FIRST_PERSON, not {view.Mode}", 0);
            return;
        }
        var command = new PlayerCommand { View = view };
        if (CommandRules.Problems(command) is { Count: > 0 } problems)
        {
            answers.Strike(session, ErrorCode.InvalidArgument, string.Join("; ", problems), 0);
            return;
        }
        inputs.Enqueue(new PlayerCommandInput(nextTick, new InputSender((long)session.ClientId, 0), command));
    }
}
