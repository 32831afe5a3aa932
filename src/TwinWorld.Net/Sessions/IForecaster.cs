using TwinWorld.Protocol.V1;

namespace TwinWorld.Net.Sessions;

/// <summary>
/// Runs analysts' forecasts for the network side: the host's live run copied between ticks and run ahead
/// on its own. The server has checked the request's role and ranges; the forecaster may still refuse it.
/// </summary>
public interface IForecaster
{
    /// <summary>
    /// Starts a forecast for <paramref name="client"/> and returns at once. Results go to <paramref name="reply"/>,
    /// from any thread, in order, the last with <see cref="ForecastResponse.Last"/> set; a refusal or failure goes
    /// to <paramref name="fail"/> instead (and ends the forecast). <paramref name="clientGone"/> is cancelled when
    /// the client leaves: the forecast then stops, and nothing more is sent.
    /// </summary>
    void Start(ForecastRequest request, ulong client, CancellationToken clientGone, Action<ForecastResponse> reply, Action<ErrorCode, string> fail);
}
