using TwinWorld.Net.Interest;
using TwinWorld.Net.Transport;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Net.Sessions;

/// <summary>One connection's state on the server. Owned by the network thread.</summary>
internal sealed class Session(PeerId peer, ulong clientId, RateLimiter limiter, RateLimiter commandLimiter)
{
    public PeerId Peer { get; } = peer;

    public ulong ClientId { get; } = clientId;

    public RateLimiter Limiter { get; } = limiter;

    /// <summary>Author commands start hazards that cost every tick, so they have a much lower limit of their own.</summary>
    public RateLimiter CommandLimiter { get; } = commandLimiter;

    public SessionPhase Phase { get; set; } = SessionPhase.AwaitingHello;

    public Role Role { get; set; }

    public string Name { get; set; } = "";

    public bool HasAvatar { get; set; }

    /// <summary>The answer to its join while it waits to be sent: a player's waits for its own camera to appear.</summary>
    public Joined? Joined { get; set; }

    /// <summary>The newest state tick the client acknowledged; -1 until its first ack (full snapshots until then).</summary>
    public long AckedTick { get; set; } = -1;

    /// <summary>The newest state tick sent, so an ack for a tick never sent is ignored.</summary>
    public long SentTick { get; set; } = -1;

    /// <summary>The client's interest-managed stream once joined; null when every client gets the whole world.</summary>
    public ClientStream? Stream { get; set; }

    /// <summary>The highest player-signal sequence taken.</summary>
    public uint InputSequence { get; set; }

    /// <summary>Subscribed cameras and the serial of the last frame sent of each.</summary>
    public Dictionary<int, long> Cameras { get; } = [];

    public int Strikes { get; set; }

    public long LastRateLimitNotice { get; set; }

    public bool Closing { get; set; }

    /// <summary>Cancelled when the connection is gone: what it asked for that still runs (its forecasts) stops.</summary>
    public CancellationTokenSource Gone { get; } = new();

    /// <summary>When it connected (a Stopwatch timestamp), for the Hello time limit.</summary>
    public long ConnectedAt { get; set; }

    /// <summary>Its place among the connections waiting for their Hello (<see cref="ConnectionGate"/>); null once it said Hello.</summary>
    public LinkedListNode<Session>? Waiting { get; set; }
}
