using TwinWorld.Protocol.V1;

namespace TwinWorld.Net.Sessions;

/// <summary>
/// Runs analysts' forecasts for the network side: the host's live run copied between ticks and run ahead
/// on its own. The server has checked the request's role and ranges; the forecaster may still refuse it.
/// </summary>
public interface IForecaster
{
    /// <summary>
    /// Starts a forecast and returns at once. Results go to <paramref name="reply"/>, from any thread, in
    /// order, the last with <see cref="ForecastResponse.Last"/> set; a refusal or failure goes to
    /// <paramref name="fail"/> instead (and ends the forecast).
    /// </summary>
    void Start(ForecastRequest request, Action<ForecastResponse> reply, Action<ErrorCode, string> fail);
}
