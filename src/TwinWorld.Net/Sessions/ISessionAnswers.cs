using TwinWorld.Protocol.V1;

namespace TwinWorld.Net.Sessions;

/// <summary>How the server's request handlers answer a session; the server's network thread does the sending.</summary>
internal interface ISessionAnswers
{
    /// <summary>A reply on the control channel (network thread).</summary>
    void Reply(Session session, Envelope reply);

    /// <summary>An error that does not count against the client: an author's typo, something the server lacks (network thread).</summary>
    void Error(Session session, ErrorCode code, string message, uint requestId);

    /// <summary>An error counted against the connection, which is closed after too many (network thread).</summary>
    void Strike(Session session, ErrorCode code, string message, uint requestId);

    /// <summary>A reply from any thread, sent on the network thread if the client is still there.</summary>
    void Post(ulong clientId, Envelope reply);
}
