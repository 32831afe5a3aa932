using System.Diagnostics;
using TwinWorld.Net.Transport.Udp;

namespace TwinWorld.Net.Sessions;

/// <summary>
/// Connections that have not sent their Hello yet, oldest first. They have a small budget of their own,
/// apart from the clients' slots, and a time limit: a newcomer past the budget pushes the oldest one out,
/// and one silent past the limit is closed, so silent or trickling connections never hold a slot an honest
/// client needs (an honest client's Hello follows its connection within a round trip). Network thread only.
/// </summary>
internal sealed class ConnectionGate(int budget, TimeSpan helloTimeout, ConnectionCounts counts)
{
    private readonly LinkedList<Session> _waiting = new();
    private readonly long _helloTicks = (long)(helloTimeout.TotalSeconds * Stopwatch.Frequency);

    /// <summary>A new connection waits for its Hello; returns the oldest one, taken off, if the budget is now spent.</summary>
    public Session? Admit(Session session, long now)
    {
        session.ConnectedAt = now;
        session.Waiting = _waiting.AddLast(session);
        if (_waiting.Count <= budget)
        {
            return null;
        }
        var oldest = _waiting.First!.Value;
        Leave(oldest);
        counts.AddPushedOut();
        return oldest;
    }

    /// <summary>The connection said Hello, or went: it no longer waits.</summary>
    public void Leave(Session session)
    {
        if (session.Waiting is { } node)
        {
            _waiting.Remove(node);
            session.Waiting = null;
        }
    }

    /// <summary>The oldest waiting connection if it has waited past the time limit, taken off; null otherwise.</summary>
    public Session? TakeExpired(long now)
    {
        if (_waiting.First?.Value is not { } oldest || now - oldest.ConnectedAt <= _helloTicks)
        {
            return null;
        }
        Leave(oldest);
        counts.AddHelloTimedOut();
        return oldest;
    }
}
