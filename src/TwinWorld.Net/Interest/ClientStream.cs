using System.Numerics;
using Google.Protobuf;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.Tiles;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Net.Interest;

/// <summary>
/// One client's interest-managed state stream. Each tick it makes the client's next view from the one
/// sent before, chunk by chunk over the tick's shared <see cref="ViewIndex"/>: chunks within the radius
/// of the focus (or holding agents the client holds) that changed since the client last got them, and
/// changed hazard tiles, are candidates, each with a priority accumulator that grows every tick it waits
/// by its relevance (nearness to the focus); the most urgent that fit the budget are sent whole (every held
/// agent in them takes the server's current value, every agent within the radius not held is created; agents
/// within the near radius too stale go past the budget, alone), the
/// rest keep what the client holds, and held agents beyond the forget radius (or gone) are destroyed.
/// So a client costs its chunks and the agents it is sent, not every agent it could see.
/// The client's view is kept once, with a log per tick of what each tick changed (the value before), from
/// which the update against the newest acknowledged view is collected, so the client's mirror rebuilds it
/// exactly, and every agent and tile in it equals the server's as of the tick it was last sent. What has
/// changed since the acknowledged view is sent again until acknowledged, and counts against the budget.
/// One thread at a time: the stream worker building its update during a tick, else the network thread.
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

    /// <summary>Chunks that may not fit before the choice stops: those after them are no more urgent and rarely smaller.</summary>
    private const int MaxMisses = 4;

    private const int EntryBits = 24;

    /// <summary>The views sent, oldest first: each without its agents, with the log of what its tick changed.</summary>
    private readonly List<(StateView Scene, List<AgentChange> Log)> _sent = [];
    private readonly Stack<List<AgentChange>> _spareLogs = new();
    private readonly Dictionary<int, TileTrack> _tiles = [];
    private readonly List<(StreamCandidate Candidate, int LogStart, long Bits)> _chosen = [];
    private readonly List<(double X, double Y)> _focus = [];
    private int[] _slotOfId = [];
    private AgentView[] _held = [];
    private long[] _asOf = [];
    private int[] _free = [];
    private int _freeCount, _slots;
    private ChunkState[] _chunks = [];
    private HazardGrid _grid = HazardGrid.Empty;
    private long _serial = -1, _lastTick = -1, _focusMovedAt = -1;
    private bool _focusActive;
    private double _radius2, _forget2, _near2;

    /// <summary>Whether the view sent for a tick is still kept (a baseline an update can be made against).</summary>
    public bool Has(long tick) => SentIndex(tick) >= 0;

    /// <summary>The view sent for a tick, if still kept: the view now, with the ticks since undone.</summary>
    public StateView? Find(long tick)
    {
        int at = SentIndex(tick);
        if (at < 0)
        {
            return null;
        }
        var agents = new Dictionary<int, AgentView>();
        for (int id = 0; id < _slotOfId.Length; id++)
        {
            if (_slotOfId[id] >= 0)
            {
                agents[id] = _held[_slotOfId[id]];
            }
        }
        for (int s = _sent.Count - 1; s > at; s--)
        {
            var log = _sent[s].Log;
            for (int j = log.Count - 1; j >= 0; j--)
            {
                if (log[j].WasHeld)
                {
                    agents[log[j].Id] = log[j].Old;
                }
                else
                {
                    agents.Remove(log[j].Id);
                }
            }
        }
        var scene = _sent[at].Scene;
        return new StateView(tick, [.. agents.Values.OrderBy(a => a.Id)], scene.Hazards, scene.Cameras, 0, scene.Grid);
    }

    /// <summary>Views older than a few ticks before an acknowledged one can no longer be a baseline.</summary>
    public void Acknowledged(long tick)
    {
        while (_sent.Count > 1 && _sent[0].Scene.Tick < tick - KeptBehindAck)
        {
            DropOldest();
        }
    }

    /// <summary>The update that takes the client from the view it acknowledged (none: a snapshot) to its view of the index's tick.</summary>
    public StateUpdate Next(ViewIndex index, Focus focus, long ackedTick, StreamScratch scratch)
    {
        var full = index.View;
        long tick = full.Tick;
        int baseAt = ackedTick >= 0 ? SentIndex(ackedTick) : -1;
        if (baseAt < 0)
        {
            // The client holds nothing we still know: start from nothing, under the budget, rather than send all it had.
            Forget();
        }
        Prepare(index, focus);
        var log = _spareLogs.Count > 0 ? _spareLogs.Pop() : [];
        if (index.Serial == _serial + 1)
        {
            Follow(index, log);
        }
        else
        {
            Recount(index, log);
        }
        _serial = index.Serial;
        DestroyFar(index, focus, log);

        long budget = options.BudgetBytesPerTick == 0 ? long.MaxValue : options.BudgetBytesPerTick * 8L;
        var candidates = scratch.Candidates;
        Gather(index, focus, tick, candidates);
        long room = long.MaxValue;
        if (budget != long.MaxValue)
        {
            candidates.Sort(StreamCandidate.Rank);
            room = budget - (8L * UpdateOverhead) - Collect(baseAt, log, scratch); // what the client has not acknowledged goes first
        }
        Choose(index, focus, candidates, log, room);
        while (true)
        {
            var scene = new StateView(tick, [], full.Hazards, full.Cameras, 0, TilesChosen(full.Grid));
            Collect(baseAt, log, scratch);
            scratch.Writer.Reset();
            AgentDeltaCodec.Write(scratch.Destroyed, scratch.Updated, scratch.Created, scratch.Writer);
            var update = StateUpdates.Compose(baseAt >= 0 ? _sent[baseAt].Scene : null, scene, scratch.Writer);
            long bits = 8L * (CodedOutputStream.ComputeMessageSize(update) + EnvelopeAndAck);
            if (bits <= budget || !DropLeastUrgent(log, bits - budget))
            {
                Commit(index, focus, scene, log);
                return update;
            }
        }
    }

    private int SentIndex(long tick)
    {
        for (int s = _sent.Count - 1; s >= 0; s--)
        {
            if (_sent[s].Scene.Tick == tick)
            {
                return s;
            }
        }
        return -1;
    }

    /// <summary>Sizes the per-id and per-chunk state to the index; notes where the focus is.</summary>
    private void Prepare(ViewIndex index, Focus focus)
    {
        if (_slotOfId.Length <= index.MaxId)
        {
            int old = _slotOfId.Length;
            Array.Resize(ref _slotOfId, Math.Max(index.MaxId + 1, old * 2));
            Array.Fill(_slotOfId, -1, old, _slotOfId.Length - old);
        }
        if (_chunks.Length != index.ChunkCount)
        {
            _chunks = new ChunkState[index.ChunkCount];
            Array.Fill(_chunks, ChunkState.Untracked);
            _serial = -1; // held agents are counted per chunk again
        }
        if (focus.Active != _focusActive || !focus.Points.SequenceEqual(_focus))
        {
            _focusActive = focus.Active;
            _focus.Clear();
            _focus.AddRange(focus.Points);
            _focusMovedAt = index.Serial;
        }
        double radius = Focus.Units(options.RadiusMetres), forget = Focus.Units(options.ForgetRadiusMetres), near = Focus.Units(options.NearRadiusMetres);
        _near2 = near * near;
        (_radius2, _forget2) = options.RadiusMetres == 0 || !focus.Active
            ? (double.PositiveInfinity, double.PositiveInfinity)
            : (radius * radius, forget * forget);
    }

    /// <summary>The client holds nothing.</summary>
    private void Forget()
    {
        Array.Fill(_slotOfId, -1);
        (_slots, _freeCount) = (0, 0);
        Array.Fill(_chunks, ChunkState.Untracked);
        _tiles.Clear();
        while (_sent.Count > 0)
        {
            DropOldest();
        }
        _grid = HazardGrid.Empty;
        _lastTick = -1;
    }

    private void DropOldest()
    {
        var log = _sent[0].Log;
        log.Clear();
        _spareLogs.Push(log);
        _sent.RemoveAt(0);
    }

    /// <summary>Follows the index's changes since the previous tick: held agents that changed chunk, and held agents gone.</summary>
    private void Follow(ViewIndex index, List<AgentChange> log)
    {
        foreach (var (id, from, to) in index.Moves)
        {
            if (SlotOf(id) >= 0)
            {
                _chunks[from].Held--;
                _chunks[to].Held++;
            }
        }
        foreach (var (id, version, chunk) in index.Gone)
        {
            if (SlotOf(id) is >= 0 and var slot && _held[slot].Version == version)
            {
                Destroy(id, slot, log);
                _chunks[chunk].Held--;
            }
        }
    }

    /// <summary>Counts held agents per chunk afresh (the first tick, or after one this stream missed), destroying those gone.</summary>
    private void Recount(ViewIndex index, List<AgentChange> log)
    {
        for (int c = 0; c < _chunks.Length; c++)
        {
            _chunks[c].Held = 0;
        }
        var full = index.View.Agents;
        for (int id = 0; id < _slotOfId.Length; id++)
        {
            if (_slotOfId[id] is >= 0 and var slot)
            {
                int i = index.IndexOf(id);
                if (i < 0 || full[i].Version != _held[slot].Version)
                {
                    Destroy(id, slot, log);
                }
                else
                {
                    _chunks[index.ChunkOf(i)].Held++;
                }
            }
        }
    }

    /// <summary>Destroys held agents beyond the forget radius: whole chunks where they lie wholly beyond it.</summary>
    private void DestroyFar(ViewIndex index, Focus focus, List<AgentChange> log)
    {
        if (double.IsPositiveInfinity(_forget2))
        {
            return;
        }
        var full = index.View.Agents;
        for (int c = 0; c < _chunks.Length; c++)
        {
            if (_chunks[c].Held == 0)
            {
                continue;
            }
            var (x0, y0, x1, y1) = index.Bounds(c);
            if (focus.FarthestSquared(x0, y0, x1, y1) <= _forget2)
            {
                continue;
            }
            bool all = focus.DistanceSquared(x0, y0, x1, y1) > _forget2;
            foreach (int i in index.AgentsIn(c))
            {
                if (SlotOf(full[i].Id) is >= 0 and var slot && (all || focus.DistanceSquared(full[i].X, full[i].Y) > _forget2))
                {
                    Destroy(full[i].Id, slot, log);
                    _chunks[c].Held--;
                }
            }
        }
    }

    /// <summary>Fills the candidates: chunks that changed since the client got them, and changed tiles; their priorities grow.</summary>
    private void Gather(ViewIndex index, Focus focus, long tick, List<StreamCandidate> candidates)
    {
        candidates.Clear();
        double near = Focus.Units(Math.Max(options.NearRadiusMetres, 1));
        bool nearRule = focus.Active && options.NearRadiusMetres > 0;
        for (int c = 0; c < _chunks.Length; c++)
        {
            ref var chunk = ref _chunks[c];
            bool occupied = index.AgentsIn(c).Length > 0;
            var (x0, y0, x1, y1) = index.Bounds(c);
            double d2 = occupied ? focus.DistanceSquared(x0, y0, x1, y1) : double.PositiveInfinity;
            if (!(occupied && d2 <= _radius2) && chunk.Held == 0)
            {
                chunk = ChunkState.Untracked;
                continue;
            }
            if (chunk.TrackedSince < 0)
            {
                chunk.TrackedSince = _lastTick;
            }
            bool mandatory = nearRule && d2 <= _near2 && MustRefresh(index, c, focus, tick);
            if (!mandatory && index.ChangedAt(c) <= chunk.SentAt && (chunk.Complete || _focusMovedAt <= chunk.SentAt))
            {
                chunk.Priority = 0; // the client has it as it is
                continue;
            }
            chunk.Priority += focus.Active ? 1 / (1 + (Math.Sqrt(d2) / near)) : 1;
            if (mandatory)
            {
                candidates.Add(new StreamCandidate(false, c, chunk.Priority, true)); // its near agents only, past the budget
            }
            candidates.Add(new StreamCandidate(false, c, chunk.Priority, false));
        }

        double tileUnits = Focus.Units(GridTile.Size * index.CellSizeMetres);
        foreach (int key in HazardGrid.ChangedKeys(_grid, index.View.Grid))
        {
            double x0 = (key & (GridTile.MaxTiles - 1)) * tileUnits, y0 = ((key >> 14) & (GridTile.MaxTiles - 1)) * tileUnits;
            double d2 = focus.DistanceSquared(x0, y0, x0 + tileUnits, y0 + tileUnits);
            if (!_tiles.TryGetValue(key, out var track))
            {
                track = new TileTrack { AsOf = _lastTick };
                _tiles[key] = track;
            }
            track.Priority += focus.Active ? 1 / (1 + (Math.Sqrt(d2) / near)) : 1;
            track.Seen = tick;
            bool mandatory = nearRule && d2 <= _near2 && tick - track.AsOf > options.MaxStaleTicks;
            candidates.Add(new StreamCandidate(true, key, track.Priority, mandatory));
        }
        // Tiles that changed back before they were sent are forgotten.
        foreach (var (key, track) in _tiles)
        {
            if (track.Seen != tick)
            {
                _tiles.Remove(key);
            }
        }
    }

    /// <summary>
    /// Whether a chunk near the focus must go now: an agent within the near radius is held and more than
    /// MaxStaleTicks out of date, or is not held and its chunk has waited that long. Notes agents that are up to date.
    /// </summary>
    private bool MustRefresh(ViewIndex index, int c, Focus focus, long tick)
    {
        var full = index.View.Agents;
        foreach (int i in index.AgentsIn(c))
        {
            var agent = full[i];
            if (focus.DistanceSquared(agent.X, agent.Y) > _near2)
            {
                continue;
            }
            int slot = SlotOf(agent.Id);
            if (slot < 0 ? tick - _chunks[c].TrackedSince > options.MaxStaleTicks : _held[slot] != agent && tick - _asOf[slot] > options.MaxStaleTicks)
            {
                return true;
            }
            if (slot >= 0 && _held[slot] == agent)
            {
                _asOf[slot] = tick;
            }
        }
        return false;
    }

    /// <summary>Takes the candidates in order while they fit the room, applying each chosen chunk to the held view.</summary>
    private void Choose(ViewIndex index, Focus focus, List<StreamCandidate> candidates, List<AgentChange> log, long room)
    {
        _chosen.Clear();
        int misses = 0;
        foreach (var candidate in candidates)
        {
            int start = log.Count;
            long bits = candidate.IsTile
                ? 8L * (TileOverhead + (index.View.Grid.Find(candidate.Key)?.Deflated().Length ?? 0))
                : Apply(index, focus, candidate.Key, candidate.Mandatory, log);
            if (!candidate.Mandatory && bits > room)
            {
                if (!candidate.IsTile)
                {
                    Undo(candidate.Key, log, start);
                }
                if (++misses > MaxMisses)
                {
                    break;
                }
                continue;
            }
            room -= bits;
            _chosen.Add((candidate, candidate.IsTile ? -1 : start, bits));
        }
    }

    /// <summary>
    /// Brings a chunk up to date in the held view (<paramref name="nearOnly"/>: its agents within the near radius),
    /// logging what it was; returns about what that adds to the update.
    /// </summary>
    private long Apply(ViewIndex index, Focus focus, int c, bool nearOnly, List<AgentChange> log)
    {
        var full = index.View.Agents;
        long bits = 0;
        foreach (int i in index.AgentsIn(c))
        {
            var agent = full[i];
            if (nearOnly && focus.DistanceSquared(agent.X, agent.Y) > _near2)
            {
                continue;
            }
            int slot = SlotOf(agent.Id);
            if (slot >= 0)
            {
                if (_held[slot] != agent)
                {
                    bits += GapBits + AgentDeltaCodec.UpdateBits(_held[slot], agent);
                    log.Add(new AgentChange(agent.Id, true, _held[slot]));
                    _held[slot] = agent;
                }
            }
            else if (focus.DistanceSquared(agent.X, agent.Y) <= _radius2)
            {
                bits += GapBits + AgentDeltaCodec.CreateBits(agent);
                log.Add(new AgentChange(agent.Id, false, default));
                Hold(agent);
                _chunks[c].Held++;
            }
        }
        return bits;
    }

    /// <summary>Takes back a chunk's changes from the log's <paramref name="start"/> on.</summary>
    private void Undo(int c, List<AgentChange> log, int start)
    {
        for (int j = log.Count - 1; j >= start; j--)
        {
            var change = log[j];
            int slot = _slotOfId[change.Id];
            if (change.WasHeld)
            {
                _held[slot] = change.Old;
            }
            else
            {
                Release(change.Id, slot);
                _chunks[c].Held--;
            }
        }
        log.RemoveRange(start, log.Count - start);
    }

    /// <summary>Unchooses the least urgent optional candidates worth at least <paramref name="bits"/>; false if none was left to drop.</summary>
    private bool DropLeastUrgent(List<AgentChange> log, long bits)
    {
        bool dropped = false;
        while (bits > 0 && _chosen.Count > 0 && !_chosen[^1].Candidate.Mandatory)
        {
            var (candidate, start, size) = _chosen[^1];
            _chosen.RemoveAt(_chosen.Count - 1);
            if (!candidate.IsTile)
            {
                Undo(candidate.Key, log, start);
            }
            bits -= size;
            dropped = true;
        }
        return dropped;
    }

    /// <summary>The held grid with the chosen tiles at the server's value.</summary>
    private HazardGrid TilesChosen(HazardGrid full)
    {
        List<KeyValuePair<int, GridTile?>>? tiles = null;
        foreach (var (candidate, _, _) in _chosen)
        {
            if (candidate.IsTile)
            {
                (tiles ??= []).Add(new(candidate.Key, full.Find(candidate.Key)));
            }
        }
        return tiles is null ? _grid : _grid.With(tiles);
    }

    /// <summary>
    /// The delta from the view sent at <paramref name="baseAt"/> (none: from nothing) to the held view, into the
    /// scratch's runs, each in id order: every agent any log since then touched, compared as it was then and as
    /// held now. Returns about how many bits it takes.
    /// </summary>
    private long Collect(int baseAt, List<AgentChange> current, StreamScratch scratch)
    {
        var (destroyed, updated, created) = (scratch.Destroyed, scratch.Updated, scratch.Created);
        destroyed.Clear();
        updated.Clear();
        created.Clear();
        if (scratch.First.Length < _slotOfId.Length)
        {
            scratch.First = new int[_slotOfId.Length];
            scratch.Marks = new ulong[(_slotOfId.Length >> 6) + 1];
        }
        var (marks, first) = (scratch.Marks, scratch.First);
        int logs = _sent.Count - baseAt; // those after the baseline, and this tick's
        int lo = int.MaxValue, hi = -1;
        for (int n = 0; n < logs; n++)
        {
            var log = LogAfter(baseAt, n, current);
            for (int j = 0; j < log.Count; j++)
            {
                int id = log[j].Id, word = id >> 6;
                ulong bit = 1UL << id;
                if ((marks[word] & bit) == 0)
                {
                    marks[word] |= bit;
                    first[id] = (n << EntryBits) | j;
                    (lo, hi) = (Math.Min(lo, word), Math.Max(hi, word));
                }
            }
        }
        long bits = 0;
        for (int word = lo; word <= hi; word++)
        {
            for (ulong m = marks[word]; m != 0; m &= m - 1)
            {
                int id = (word << 6) + BitOperations.TrailingZeroCount(m);
                var was = LogAfter(baseAt, first[id] >> EntryBits, current)[first[id] & ((1 << EntryBits) - 1)];
                int slot = _slotOfId[id];
                if (was.WasHeld && slot >= 0 && was.Old.Version == _held[slot].Version)
                {
                    if (was.Old != _held[slot])
                    {
                        updated.Add((was.Old, _held[slot]));
                        bits += GapBits + AgentDeltaCodec.UpdateBits(was.Old, _held[slot]);
                    }
                    continue;
                }
                if (was.WasHeld)
                {
                    destroyed.Add(id);
                    bits += GapBits;
                }
                if (slot >= 0)
                {
                    created.Add(_held[slot]);
                    bits += GapBits + AgentDeltaCodec.CreateBits(_held[slot]);
                }
            }
            marks[word] = 0;
        }
        return bits;
    }

    /// <summary>The n-th log after the baseline: those of the views sent since, then this tick's.</summary>
    private List<AgentChange> LogAfter(int baseAt, int n, List<AgentChange> current)
        => baseAt + 1 + n < _sent.Count ? _sent[baseAt + 1 + n].Log : current;

    private void Commit(ViewIndex index, Focus focus, StateView scene, List<AgentChange> log)
    {
        long tick = scene.Tick;
        foreach (var (candidate, _, _) in _chosen)
        {
            if (candidate.IsTile)
            {
                (_tiles[candidate.Key].Priority, _tiles[candidate.Key].AsOf) = (0, tick);
                continue;
            }
            if (candidate.Mandatory)
            {
                continue; // only its near agents went
            }
            ref var chunk = ref _chunks[candidate.Key];
            var (x0, y0, x1, y1) = index.Bounds(candidate.Key);
            // Sent within the radius throughout: every agent of it the client should hold, it holds.
            (chunk.Priority, chunk.SentAt, chunk.Complete) = (0, index.Serial, focus.FarthestSquared(x0, y0, x1, y1) <= _radius2);
        }
        foreach (var change in log)
        {
            if (SlotOf(change.Id) is >= 0 and var slot)
            {
                _asOf[slot] = tick;
            }
        }
        _grid = scene.Grid;
        _lastTick = tick;
        _sent.Add((scene, log));
        if (_sent.Count > MaxViews)
        {
            DropOldest();
        }
    }

    private int SlotOf(int id) => id < _slotOfId.Length ? _slotOfId[id] : -1;

    private void Hold(AgentView agent)
    {
        int slot = _freeCount > 0 ? _free[--_freeCount] : _slots++;
        if (slot >= _held.Length)
        {
            Array.Resize(ref _held, Math.Max(1024, _held.Length * 2));
            Array.Resize(ref _asOf, _held.Length);
        }
        _held[slot] = agent;
        _slotOfId[agent.Id] = slot;
    }

    private void Destroy(int id, int slot, List<AgentChange> log)
    {
        log.Add(new AgentChange(id, true, _held[slot]));
        Release(id, slot);
    }

    private void Release(int id, int slot)
    {
        _slotOfId[id] = -1;
        if (_freeCount == _free.Length)
        {
            Array.Resize(ref _free, Math.Max(1024, _free.Length * 2));
        }
        _free[_freeCount++] = slot;
    }

    /// <summary>One agent a tick changed in the client's view: what it was before (<see cref="WasHeld"/> false: absent).</summary>
    private readonly record struct AgentChange(int Id, bool WasHeld, AgentView Old);

    /// <summary>
    /// What a client has of a chunk: its priority, the index serial it was last sent at (all held agents in it current,
    /// all within the radius created: <see cref="Complete"/> if the radius took in the whole chunk then), since
    /// when it has been of interest, and how many held agents are in it now.
    /// </summary>
    private struct ChunkState
    {
        public static readonly ChunkState Untracked = new() { SentAt = -1, TrackedSince = -1 };

        public double Priority;
        public long SentAt, TrackedSince;
        public int Held;
        public bool Complete;
    }

    private sealed class TileTrack
    {
        public double Priority;
        public long AsOf;
        public long Seen;
    }
}
