using Google.Protobuf;
using TwinWorld.Protocol.Bits;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.Tiles;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Net.Interest;

/// <summary>
/// One client's interest-managed state stream. Each tick it makes the client's next view from the one
/// sent before: held agents that changed, agents that came into interest and changed hazard tiles are
/// candidates, each with a priority accumulator that grows every tick it waits by its relevance
/// (nearness to the focus); the most urgent that fit the budget take the server's current value, the
/// rest keep what the client holds, and held agents beyond the forget radius (or gone) are destroyed.
/// The update is that view as a delta against the newest view the client acknowledged, so the client's
/// mirror rebuilds it exactly, and every agent and tile in it equals the server's as of the tick it was
/// last sent. What has changed since the acknowledged view is sent again until acknowledged, and counts
/// against the budget. One thread at a time: the stream worker building its update during a tick, else
/// the network thread.
/// </summary>
internal sealed class ClientStream(InterestOptions options)
{
    /// <summary>Views kept behind the acknowledged one, for hash queries about recent ticks.</summary>
    private const int KeptBehindAck = 8;

    private const int MaxViews = 64;

    /// <summary>A guess at an id gap's bits (1 for the next id, up to about 10); the encoded size settles it.</summary>
    private const int GapBits = 4;

    /// <summary>Bytes of the update's fields other than agents and tiles, of the envelope around it with its input ack, and of a tile's own fields.</summary>
    private const int UpdateOverhead = 40, EnvelopeAndAck = 10, TileOverhead = 8;

    private readonly Dictionary<long, StateView> _views = [];
    private readonly Dictionary<long, Track> _tracks = [];
    private readonly List<Candidate> _candidates = [];
    private readonly List<int> _inInterest = [];
    private bool[] _destroyed = [];
    private int[] _replacement = [];
    private long[] _heldAt = [];
    private long _pass;
    private StateView _held = StateView.Empty;
    private long _checkedTick = -1;

    private enum Change : byte
    {
        Update,
        Create,
        Tile,
    }

    /// <summary>The view sent for a tick, if still kept.</summary>
    public StateView? Find(long tick) => _views.GetValueOrDefault(tick);

    /// <summary>Views older than a few ticks before an acknowledged one can no longer be a baseline.</summary>
    public void Acknowledged(long tick)
    {
        foreach (long old in _views.Keys.Where(t => t < tick - KeptBehindAck).ToList())
        {
            _views.Remove(old);
        }
    }

    /// <summary>The update that takes the client from the view it acknowledged (none: a snapshot) to its view of the index's tick.</summary>
    public StateUpdate Next(ViewIndex index, Focus focus, long ackedTick, BitWriter writer)
    {
        var full = index.View;
        long tick = full.Tick;
        var baseline = ackedTick >= 0 ? Find(ackedTick) : null;
        if (baseline is null)
        {
            // The client holds nothing we still know: start from nothing, under the budget, rather than send all it had.
            _held = StateView.Empty;
            _tracks.Clear();
            _checkedTick = -1;
        }
        int destroyed = CollectCandidates(index, focus, tick);

        long budget = options.BudgetBytesPerTick == 0 ? long.MaxValue : options.BudgetBytesPerTick * 8L;
        if (budget != long.MaxValue)
        {
            _candidates.Sort(static (a, b) => a.Mandatory != b.Mandatory ? (a.Mandatory ? -1 : 1) : b.Priority.CompareTo(a.Priority));
        }
        long room = budget - (8L * UpdateOverhead) - (destroyed * (long)GapBits);
        for (int i = 0; i < _candidates.Count; i++)
        {
            var candidate = _candidates[i];
            if (candidate.Mandatory || candidate.Bits <= room)
            {
                room -= candidate.Bits;
                _candidates[i] = candidate with { Chosen = true };
            }
        }
        while (true)
        {
            var view = Build(full);
            var update = StateUpdates.Encode(baseline, view, writer);
            long bits = 8L * (CodedOutputStream.ComputeMessageSize(update) + EnvelopeAndAck);
            if (bits <= budget || !DropLeastUrgent(bits - budget))
            {
                Commit(view);
                return update;
            }
        }
    }

    /// <summary>Fills the candidates; returns how many held agents are destroyed.</summary>
    private int CollectCandidates(ViewIndex index, Focus focus, long tick)
    {
        _candidates.Clear();
        _pass++;
        var held = _held.Agents;
        var full = index.View.Agents;
        if (_destroyed.Length < held.Length)
        {
            (_destroyed, _replacement) = (new bool[held.Length * 2], new int[held.Length * 2]);
        }
        if (_heldAt.Length < full.Length)
        {
            _heldAt = new long[full.Length * 2];
        }
        double forget = Focus.Units(options.ForgetRadiusMetres), forget2 = options.RadiusMetres == 0 ? double.PositiveInfinity : forget * forget;
        int destroyed = 0;
        for (int k = 0; k < held.Length; k++)
        {
            var was = held[k];
            int i = index.IndexOf(was.Id);
            double d2 = i < 0 ? 0 : focus.DistanceSquared(full[i].X, full[i].Y);
            _destroyed[k] = i < 0 || full[i].Version != was.Version || d2 > forget2;
            _replacement[k] = -1;
            if (i >= 0 && full[i].Version == was.Version)
            {
                _heldAt[i] = _pass; // the full view's agent is held (destroyed for distance or not): not one to create
            }
            if (_destroyed[k])
            {
                _tracks.Remove(was.Id);
                destroyed++;
            }
            else if (full[i] == was)
            {
                _tracks.Remove(was.Id); // up to date as of this tick
            }
            else
            {
                Consider(Change.Update, was.Id, i, k, d2, GapBits + AgentDeltaCodec.UpdateBits(was, full[i]), focus, tick);
            }
        }

        _inInterest.Clear();
        if (!focus.Active || options.RadiusMetres == 0)
        {
            for (int i = 0; i < full.Length; i++)
            {
                _inInterest.Add(i);
            }
        }
        else
        {
            index.Within(focus, Focus.Units(options.RadiusMetres), _inInterest);
        }
        foreach (int i in _inInterest)
        {
            var agent = full[i];
            if (_heldAt[i] != _pass)
            {
                Consider(Change.Create, agent.Id, i, -1, focus.DistanceSquared(agent.X, agent.Y), GapBits + AgentDeltaCodec.CreateBits(agent), focus, tick);
            }
        }

        double tileUnits = Focus.Units(GridTile.Size * index.CellSizeMetres);
        foreach (int key in HazardGrid.ChangedKeys(_held.Grid, index.View.Grid))
        {
            double x0 = (key & (GridTile.MaxTiles - 1)) * tileUnits, y0 = ((key >> 14) & (GridTile.MaxTiles - 1)) * tileUnits;
            int bytes = TileOverhead + (index.View.Grid.Find(key)?.Deflated().Length ?? 0);
            Consider(Change.Tile, -1L - key, key, -1, focus.DistanceSquared(x0, y0, x0 + tileUnits, y0 + tileUnits), 8 * bytes, focus, tick);
        }

        // Candidates that left interest before they were sent are forgotten.
        foreach (var (key, track) in _tracks)
        {
            if (track.Seen != tick)
            {
                _tracks.Remove(key);
            }
        }
        return destroyed;
    }

    private void Consider(Change change, long key, int index, int heldIndex, double distanceSquared, int bits, Focus focus, long tick)
    {
        if (!_tracks.TryGetValue(key, out var track))
        {
            // The client's copy was last known to match at the tick checked before this one.
            track = new Track { AsOf = _checkedTick };
            _tracks[key] = track;
        }
        double near = Focus.Units(Math.Max(options.NearRadiusMetres, 1));
        track.Priority += focus.Active ? 1 / (1 + (Math.Sqrt(distanceSquared) / near)) : 1;
        track.Seen = tick;
        bool mandatory = focus.Active && distanceSquared <= near * near && options.NearRadiusMetres > 0 && tick - track.AsOf > options.MaxStaleTicks;
        _candidates.Add(new Candidate(change, key, index, heldIndex, track.Priority, bits, mandatory, false));
    }

    /// <summary>Unchooses the least urgent optional candidates worth at least <paramref name="bits"/>; false if none was left to drop.</summary>
    private bool DropLeastUrgent(long bits)
    {
        bool dropped = false;
        for (int i = _candidates.Count - 1; i >= 0 && bits > 0; i--)
        {
            var candidate = _candidates[i];
            if (candidate.Chosen && !candidate.Mandatory)
            {
                _candidates[i] = candidate with { Chosen = false };
                bits -= candidate.Bits;
                dropped = true;
            }
        }
        return dropped;
    }

    /// <summary>The client's next view: what it holds, less the destroyed, with the chosen changes.</summary>
    private StateView Build(StateView full)
    {
        var held = _held.Agents;
        var created = new List<int>();
        var tiles = new List<KeyValuePair<int, GridTile?>>();
        for (int k = 0; k < held.Length; k++)
        {
            _replacement[k] = -1;
        }
        foreach (var candidate in _candidates)
        {
            if (!candidate.Chosen)
            {
                continue;
            }
            switch (candidate.Change)
            {
                case Change.Update:
                    _replacement[candidate.HeldIndex] = candidate.Index;
                    break;
                case Change.Create:
                    created.Add(candidate.Index);
                    break;
                default:
                    tiles.Add(new(candidate.Index, full.Grid.Find(candidate.Index)));
                    break;
            }
        }
        created.Sort(); // full view indices are in id order
        var agents = new List<AgentView>(held.Length + created.Count);
        int c = 0;
        for (int k = 0; k < held.Length; k++)
        {
            for (; c < created.Count && full.Agents[created[c]].Id < held[k].Id; c++)
            {
                agents.Add(full.Agents[created[c]]);
            }
            if (!_destroyed[k])
            {
                agents.Add(_replacement[k] >= 0 ? full.Agents[_replacement[k]] : held[k]);
            }
            else if (c < created.Count && full.Agents[created[c]].Id == held[k].Id)
            {
                agents.Add(full.Agents[created[c++]]); // the slot's new entity
            }
        }
        for (; c < created.Count; c++)
        {
            agents.Add(full.Agents[created[c]]);
        }
        return new StateView(full.Tick, [.. agents], full.Hazards, full.Cameras, 0, tiles.Count == 0 ? _held.Grid : _held.Grid.With(tiles));
    }

    private void Commit(StateView view)
    {
        foreach (var candidate in _candidates)
        {
            if (candidate.Chosen && _tracks.TryGetValue(candidate.Key, out var track))
            {
                // Sent: up to date as of this tick. The track stays for what changes again next tick (most walkers do).
                (track.Priority, track.AsOf) = (0, view.Tick);
            }
        }
        _held = view;
        _checkedTick = view.Tick;
        _views[view.Tick] = view;
        if (_views.Count > MaxViews)
        {
            _views.Remove(_views.Keys.Min());
        }
    }

    private sealed class Track
    {
        public double Priority;
        public long AsOf;
        public long Seen;
    }

    private readonly record struct Candidate(Change Change, long Key, int Index, int HeldIndex, double Priority, int Bits, bool Mandatory, bool Chosen);
}
