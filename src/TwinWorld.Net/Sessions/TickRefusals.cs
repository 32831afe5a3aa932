using TwinWorld.Protocol.V1;
using TwinWorld.Simulation;

namespace TwinWorld.Net.Sessions;

/// <summary>
/// Sends each input the world refused at its tick back to whoever sent it (the input carries its sender), as
/// <see cref="ErrorCode.CommandRejected"/> with the sender's request id and the reason: an author's command, a
/// player's signal or view (request id 0). The scenario's own inputs have no sender.
/// </summary>
internal sealed class TickRefusals(ISessionAnswers answers)
{
    /// <summary>Tick thread, after every tick.</summary>
    public void Ran(TickReport report)
    {
        foreach (var rejection in report.Rejections)
        {
            if (rejection.Input.From is { } sender)
            {
                answers.Post((ulong)sender.ClientId, new Envelope { Error = new Error { Code = ErrorCode.CommandRejected, Message = rejection.ToString(), RequestId = sender.RequestId } });
            }
        }
    }
}
