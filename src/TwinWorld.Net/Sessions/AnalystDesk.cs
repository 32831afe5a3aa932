using Microsoft.Extensions.Logging;
using TwinWorld.Net.State;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Net.Sessions;

/// <summary>Analysts' requests (forecasts, handed to the forecaster) and anyone's state-hash queries, answered from the recent views.</summary>
internal sealed class AnalystDesk(ISessionAnswers answers, ViewHistory history, IForecaster? forecaster, ILogger logger)
{
    /// <summary>The most actions a forecast may carry (how far ahead it may look, and what it may cost, is the forecaster's quota).</summary>
    private const int MaxForecastActions = 16;

    /// <summary>Network thread: a joined analyst's forecast request.</summary>
    public void Forecast(Session session, ForecastRequest request)
    {
        if (forecaster is null)
        {
            answers.Error(session, ErrorCode.NotAvailable, "this server runs no forecaster", request.RequestId);
            return;
        }
        if (!(request.AheadSeconds > 0 && float.IsFinite(request.AheadSeconds)) || !(request.EverySeconds >= 0 && float.IsFinite(request.EverySeconds)))
        {
            answers.Strike(session, ErrorCode.InvalidArgument, $"a forecast looks more than 0 s ahead (got {request.AheadSeconds}), sampled every 0 s (the end only) or more (got {request.EverySeconds})", request.RequestId);
            return;
        }
        if (request.Actions.Count > MaxForecastActions)
        {
            answers.Strike(session, ErrorCode.InvalidArgument, $"a forecast may carry at most {MaxForecastActions} actions", request.RequestId);
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
