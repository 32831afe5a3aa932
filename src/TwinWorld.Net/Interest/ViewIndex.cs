using TwinWorld.Protocol.State;

namespace TwinWorld.Net.Interest;

/// <summary>
/// What every client's stream shares about a tick, built once on the network thread: agent index by id,
/// avatars by owner, and the site cut into fixed chunks (<see cref="ChunkMetres"/> a side) with each chunk's
/// agents in id order, their bounds, the tick the chunk last changed (an agent in it moved, turned, changed
/// state, came or went), which agents changed chunk since the previous rebuild and which are gone. A client's
/// stream then works chunk by chunk and touches only the agents of the chunks it sends. Between rebuilds
/// it is only read, so the threads that build clients' updates query it at once.
/// </summary>
internal sealed class ViewIndex
{
    public const double ChunkMetres = 32;

    /// <summary>Chunks widen on a larger site, so a client's per-chunk work stays bounded.</summary>
    private const int MaxChunksPerSide = 128;

    private readonly Dictionary<ulong, int> _avatars = [];
    private readonly double _chunkUnits;
    private readonly int _chunksX, _chunksY;
    private readonly int[] _chunkStart;
    private readonly long[] _changedAt;
    private readonly (double X0, double Y0, double X1, double Y1)[] _bounds;
    private readonly List<(int Id, int From, int To)> _moves = [];
    private readonly List<(int Id, int Version, int Chunk)> _gone = [];
    private int[] _indexById = [], _previousIndexById = [];
    private int[] _chunkOf = [], _previousChunkOf = [];
    private int[] _chunkItems = [];
    private int _maxId = -1, _previousMaxId = -1;
    private StateView? _previous;

    /// <param name="cellSizeMetres">The terrain's cell size: where hazard tiles lie.</param>
    /// <param name="siteMetres">The site's width and height: the chunks cover it (agents beyond its edge count in the edge chunks).</param>
    public ViewIndex(float cellSizeMetres, (double Width, double Height) siteMetres)
    {
        CellSizeMetres = cellSizeMetres;
        double width = Focus.Units(Math.Max(siteMetres.Width, 1)), height = Focus.Units(Math.Max(siteMetres.Height, 1));
        _chunkUnits = Math.Max(Focus.Units(ChunkMetres), Math.Max(width, height) / MaxChunksPerSide);
        _chunksX = (int)Math.Ceiling(width / _chunkUnits);
        _chunksY = (int)Math.Ceiling(height / _chunkUnits);
        _chunkStart = new int[ChunkCount + 1];
        _changedAt = new long[ChunkCount];
        _bounds = new (double, double, double, double)[ChunkCount];
    }

    public StateView View { get; private set; } = StateView.Empty;

    public float CellSizeMetres { get; }

    /// <summary>Counts rebuilds: a stream that missed one cannot trust <see cref="Moves"/> and <see cref="Gone"/>.</summary>
    public long Serial { get; private set; }

    public int ChunkCount => _chunksX * _chunksY;

    /// <summary>The largest agent id in the view, or -1.</summary>
    public int MaxId => _maxId;

    /// <summary>Agents of the previous view still here (same version) that are in another chunk now.</summary>
    public IReadOnlyList<(int Id, int From, int To)> Moves => _moves;

    /// <summary>Agents of the previous view that are gone, or whose slot holds a newer entity, with the chunk they were in.</summary>
    public IReadOnlyList<(int Id, int Version, int Chunk)> Gone => _gone;

    public void Rebuild(StateView view)
    {
        // The previous tick's lookups are kept to compare with; its buffers take this tick's.
        (_previous, _previousMaxId) = (Serial == 0 ? null : View, _maxId);
        (_previousIndexById, _indexById) = (_indexById, _previousIndexById);
        (_previousChunkOf, _chunkOf) = (_chunkOf, _previousChunkOf);
        View = view;
        Serial++;
        var agents = view.Agents;
        _maxId = agents.Length == 0 ? -1 : agents[^1].Id;
        if (_indexById.Length <= _maxId)
        {
            _indexById = new int[Math.Max(_maxId + 1, _indexById.Length * 2)];
        }
        Array.Fill(_indexById, -1, 0, _maxId + 1);
        if (_chunkOf.Length < agents.Length)
        {
            _chunkOf = new int[agents.Length * 2];
        }
        _avatars.Clear();
        Array.Clear(_chunkStart);
        Array.Fill(_bounds, (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue));
        for (int i = 0; i < agents.Length; i++)
        {
            var agent = agents[i];
            _indexById[agent.Id] = i;
            if (agent.Owner != 0)
            {
                _avatars[agent.Owner] = i;
            }
            int chunk = (Cell(agent.Y, _chunksY) * _chunksX) + Cell(agent.X, _chunksX);
            _chunkOf[i] = chunk;
            _chunkStart[chunk + 1]++;
            var b = _bounds[chunk];
            _bounds[chunk] = (Math.Min(b.X0, agent.X), Math.Min(b.Y0, agent.Y), Math.Max(b.X1, agent.X), Math.Max(b.Y1, agent.Y));
        }
        FillChunks(agents.Length);
        FindChanges(view);
    }

    /// <summary>The agent's index in <see cref="View"/>, or -1.</summary>
    public int IndexOf(int id) => id >= 0 && id <= _maxId ? _indexById[id] : -1;

    /// <summary>The index of the avatar a client owns, or -1.</summary>
    public int AvatarOf(ulong clientId) => _avatars.GetValueOrDefault(clientId, -1);

    /// <summary>The chunk of the agent at this index of <see cref="View"/>.</summary>
    public int ChunkOf(int index) => _chunkOf[index];

    /// <summary>Indices into <see cref="View"/> of the chunk's agents, in id order.</summary>
    public ReadOnlySpan<int> AgentsIn(int chunk) => _chunkItems.AsSpan(_chunkStart[chunk], _chunkStart[chunk + 1] - _chunkStart[chunk]);

    /// <summary>The box around the chunk's agents this tick (empty chunks: an inverted box, never near).</summary>
    public (double X0, double Y0, double X1, double Y1) Bounds(int chunk) => _bounds[chunk];

    /// <summary>The <see cref="Serial"/> of the last rebuild at which the chunk's agents changed in any way (not its tick: a stream's time only goes forward).</summary>
    public long ChangedAt(int chunk) => _changedAt[chunk];

    private void FillChunks(int count)
    {
        for (int c = 0; c < ChunkCount; c++)
        {
            _chunkStart[c + 1] += _chunkStart[c];
        }
        if (_chunkItems.Length < count)
        {
            _chunkItems = new int[count * 2];
        }
        var fill = _chunkStart.AsSpan(0, ChunkCount).ToArray();
        for (int i = 0; i < count; i++)
        {
            _chunkItems[fill[_chunkOf[i]]++] = i; // agents are in id order, so each chunk's are too
        }
    }

    /// <summary>Compares with the previous view: chunks that changed, agents that moved chunk, agents gone.</summary>
    private void FindChanges(StateView view)
    {
        _moves.Clear();
        _gone.Clear();
        var agents = view.Agents;
        long tick = Serial;
        if (_previous is null)
        {
            Array.Fill(_changedAt, tick);
            return;
        }
        var before = _previous.Agents;
        for (int i = 0; i < agents.Length; i++)
        {
            var agent = agents[i];
            int chunk = _chunkOf[i];
            int p = agent.Id <= _previousMaxId ? _previousIndexById[agent.Id] : -1;
            if (p < 0 || before[p].Version != agent.Version)
            {
                _changedAt[chunk] = tick;
            }
            else if (_previousChunkOf[p] != chunk)
            {
                _moves.Add((agent.Id, _previousChunkOf[p], chunk));
                (_changedAt[chunk], _changedAt[_previousChunkOf[p]]) = (tick, tick);
            }
            else if (before[p] != agent)
            {
                _changedAt[chunk] = tick;
            }
        }
        for (int p = 0; p < before.Length; p++)
        {
            int i = IndexOf(before[p].Id);
            if (i < 0 || agents[i].Version != before[p].Version)
            {
                _gone.Add((before[p].Id, before[p].Version, _previousChunkOf[p]));
                _changedAt[_previousChunkOf[p]] = tick;
            }
        }
    }

    private int Cell(double at, int count) => (int)Math.Clamp(Math.Floor(at / _chunkUnits), 0, count - 1);
}
