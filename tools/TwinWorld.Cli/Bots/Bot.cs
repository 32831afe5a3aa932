using System.Numerics;
using TwinWorld.Client;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Cli.Bots;

/// <summary>
/// One headless client of <c>twin bots</c>, driven as a game drives the portable client: the swarm's one loop
/// calls <see cref="Update"/> for every bot, which polls its <see cref="TwinClient"/> (no thread per bot). It
/// joins, subscribes to cameras (a player to its own first, as a player's page does), steers its avatar on a
/// seeded random walk, holding each direction as a held key does (sent again every 250 ms; a player's token;
/// other roles only watch), and keeps its own figures. Errors are counted, never thrown: a swarm reports its failures.
/// </summary>
internal sealed class Bot(int number, int seed) : IDisposable
{
    private readonly Random _random = new(seed);
    private readonly List<double> _roundTrips = [];
    /// <summary>How often a held direction is sent again (protocol/README.md, "Inputs").</summary>
    private static readonly TimeSpan Resend = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the handshake, the join and the first state may take together (the async client's 10 s each).</summary>
    private static readonly TimeSpan JoinLimit = TimeSpan.FromSeconds(30);

    private TimeSpan _joinDeadline;
    private bool _joinAsked;
    private int _cameras;

    private TimeSpan _nextTurn, _nextSend;
    private Vector2 _direction;
    private long _bytesAtStart, _updatesAtStart, _framesAtStart;
    private int _errorsAtStart;
    private Vector2? _avatarAtStart;
    private bool _measuring, _joined;

    public int Number { get; } = number;

    public TwinClient? Client { get; private set; }

    /// <summary>Why the bot could not join, or why it stopped.</summary>
    public string? Failure => _failure ?? (_joined ? Gone() : Client?.Failure?.Message);

    private string? _failure;

    /// <summary>Cameras subscribed to.</summary>
    public int Cameras { get; private set; }

    /// <summary>Connecting, or connected and not yet joined with a first state, with time left.</summary>
    public bool Joining => Client is not null && !_joined && Failure is null;

    /// <summary>Joined and still connected.</summary>
    public bool Running => _joined && Client is { IsConnected: true } && Failure is null;

    public IReadOnlyList<double> RoundTrips => _roundTrips;

    /// <summary>The server's error replies since measuring started.</summary>
    public IEnumerable<Error> ErrorReplies => Client?.Errors.Skip(_errorsAtStart) ?? [];

    /// <summary>Starts connecting (Hello goes with the connection); <see cref="Update"/> takes it from there.</summary>
    public void Connect(string host, int port, string token, int cameras, TimeSpan elapsed)
    {
        Client = TwinClient.Connect(host, port, token, $"bot-{Number}");
        _cameras = cameras;
        _joinDeadline = elapsed + JoinLimit;
    }

    /// <summary>One turn of the swarm's loop: polls the client (its events fire here), and joins and subscribes once it may.</summary>
    public void Update(TimeSpan elapsed)
    {
        if (Client is not { } client)
        {
            return;
        }
        client.Poll();
        if (!Joining)
        {
            return;
        }
        if (elapsed > _joinDeadline)
        {
            _failure = $"not joined within {JoinLimit.TotalSeconds} s";
        }
        else if (client.IsWelcomed && !_joinAsked)
        {
            client.Join();
            _joinAsked = true;
        }
        else if (client.IsJoined && client.Latest is { } view)
        {
            Subscribe(client, view);
            _joined = true;
        }
    }

    /// <summary>A player watches its own camera first; the rest spread the bots over the cameras nobody owns, a few each.</summary>
    private void Subscribe(TwinClient client, StateView view)
    {
        var own = client.Joined.CameraId == 0 ? [] : new[] { client.Joined.CameraId };
        var ids = view.Cameras.Where(c => c.OwnerClientId == 0).Select(c => c.CameraId).ToArray();
        var shared = ids.Length == 0 ? [] : Enumerable.Range(0, Math.Min(_cameras - own.Length, ids.Length)).Select(k => ids[(Number + k) % ids.Length]);
        var mine = own.Concat(shared).Take(_cameras).ToArray();
        if (mine.Length > 0)
        {
            client.Subscribe(mine);
        }
        Cameras = mine.Length;
    }

    /// <summary>Why a joined bot's connection ended, in the server's last word if it had one; null while it is connected.</summary>
    private string? Gone()
    {
        if (Client is not { } client || client.IsConnected || !_joined)
        {
            return null;
        }
        if (client.ServerShuttingDown)
        {
            return "the server shut down";
        }
        return client.Errors.LastOrDefault() is { } last
            ? $"disconnected after {last.Code}: {last.Message}"
            : "disconnected: the server closed the connection or stopped answering";
    }

    /// <summary>Starts the measured window: figures count from here.</summary>
    public void StartMeasuring()
    {
        if (Client is { } client)
        {
            (_bytesAtStart, _updatesAtStart, _framesAtStart, _errorsAtStart) = (client.BytesReceived, client.StateUpdatesApplied, client.FramesReceived, client.Errors.Count);
            _avatarAtStart = Avatar();
            _measuring = true;
        }
    }

    /// <summary>Where this bot's avatar is in its mirror (metres), if it has one there.</summary>
    private Vector2? Avatar()
    {
        var view = Client?.Latest;
        ulong id = Client?.ClientId ?? 0;
        foreach (var agent in view is null ? [] : view.Agents.ToArray())
        {
            if (agent.Owner == id)
            {
                return new Vector2(Quantisation.Metres(agent.X), Quantisation.Metres(agent.Y));
            }
        }
        return null;
    }

    /// <summary>Every so often (0.5 to 3 s) walks a new random way, or stands still; in between holds the way it walks.</summary>
    public void Drive(TimeSpan elapsed)
    {
        if (_measuring)
        {
            // The avatar appears a tick or two after joining: a bot that started measuring before it was in view counts from where it first is.
            _avatarAtStart ??= Avatar();
        }
        if (!Running || Client!.Welcome.Role != Role.Player)
        {
            return;
        }
        if (elapsed >= _nextTurn)
        {
            _nextTurn = elapsed + TimeSpan.FromSeconds(0.5 + (2.5 * _random.NextDouble()));
            double angle = _random.NextDouble() * 2 * Math.PI;
            _direction = _random.NextDouble() < 0.15 ? Vector2.Zero : new Vector2((float)Math.Cos(angle), (float)Math.Sin(angle));
            Client.Steer(_direction);
            _nextSend = elapsed + Resend;
        }
        else if (elapsed >= _nextSend && _direction != Vector2.Zero)
        {
            Client.Steer(_direction);
            _nextSend = elapsed + Resend;
        }
    }

    public async Task PingAsync()
    {
        if (!Running)
        {
            return;
        }
        try
        {
            _roundTrips.Add(await Client!.PingAsync(TimeSpan.FromSeconds(5)));
        }
        catch (TwinClientException)
        {
            // A ping lost while connected is a late answer, not a failure; a lost connection is Gone().
        }
    }

    /// <summary>Figures over the measured window of <paramref name="seconds"/>.</summary>
    public BotFigures Figures(double seconds)
    {
        var client = Client;
        if (client is null)
        {
            return new BotFigures(0, 0, 0, double.NaN, Failure is null ? 0 : 1);
        }
        return new BotFigures(
            (client.BytesReceived - _bytesAtStart) / seconds,
            (client.StateUpdatesApplied - _updatesAtStart) / seconds,
            (client.FramesReceived - _framesAtStart) / seconds,
            Avatar() is { } now && _avatarAtStart is { } start ? Vector2.Distance(start, now) : double.NaN,
            client.Errors.Count - _errorsAtStart + (Failure is null ? 0 : 1));
    }

    /// <summary>Disconnects; the server removes the avatar.</summary>
    public void Dispose() => Client?.Dispose();
}
