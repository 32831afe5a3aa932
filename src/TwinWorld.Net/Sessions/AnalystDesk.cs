using Microsoft.Extensions.Logging;
using TwinWorld.Net.State;
using TwinWorld.Protocol.Commands;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Net.Sessions;

/// <summary>Analysts' requests (forecasts, handed to the forecaster) and anyone's state-hash queries, answered from the recent views.</summary>
internal sealed class AnalystDesk(ISessionAnswers answers, ViewHistory history, IForecaster? forecaster, ILogger logger)
{
    /// <summary>Network thread: a joined analyst's forecast request.</summary>
    public void Forecast(Session session, ForecastRequest request)
    {
        if (forecaster is null)
        {
            answers.Error(session, ErrorCode.NotAvailable, "this server runs no forecaster", request.RequestId);
            return;
        }
        // The rules beside ForecastRequest's fields (analyst.proto); what it may cost is the forecaster's quota.
        if (CommandRules.RequestProblems(request, "forecast") is { Count: > 0 } problems)
        {
            answers.Strike(session, ErrorCode.InvalidArgument, string.Join("; ", problems), request.RequestId);
            return;
        }
        ulong client = session.ClientId;
        uint id = request.RequestId;
        logger.LogInformation("Client {Client} ({Name}) asked for a {Ahead} s forecast with {Actions} actions", client, ClientText.Escaped(session.Name), request.AheadSeconds, request.Actions.Count);
        forecaster.Start(
            request,
            client,
            session.Gone.Token,
            response => answers.Post(client, new Envelope { ForecastResult = response }),
            (code, message) => answers.Post(client, new Envelope { Error = new Error { Code = code, Message = message, RequestId = id } }));
    }

    /// <summary>Network thread: the hashes of a recent tick, and of the view this client was sent for it.</summary>
    public void HashQuery(Session session, StateHashQuery query)
    {
        var view = query.Tick == 0 ? history.Latest : history.Find((long)Math.Min(query.Tick, long.MaxValue));
        if (view is null)
        {
            answers.Error(session, ErrorCode.InvalidArgument, $"tick {query.Tick} is not held (the server keeps the last 64)", query.RequestId);
            return;
        }
        ulong viewHash = view.ComputeHash();
        ulong clientViewHash = session.Stream is null ? (view.Tick <= session.SentTick ? viewHash : 0) : session.Stream.Find(view.Tick)?.ComputeHash() ?? 0;
        answers.Reply(session, new Envelope
        {
            HashReply = new StateHashReply { RequestId = query.RequestId, Tick = (ulong)view.Tick, StateHash = view.StateHash, ViewHash = viewHash, ClientViewHash = clientViewHash },
        });
    }
}
