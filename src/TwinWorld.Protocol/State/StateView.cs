using TwinWorld.Protocol.Tiles;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Protocol.State;

/// <summary>
/// The world after one tick as the state stream carries it: quantised agents sorted by id, the hazards
/// and cameras, and the hazard grids. The server builds one per tick; a client's mirror rebuilds the same one from
/// deltas, and <see cref="ComputeHash"/> is equal on both sides when it did so exactly. Immutable by
/// contract: nothing changes a view, or the messages in it, once it is made.
/// </summary>
public sealed class StateView
{
    private readonly AgentView[] _agents;

    /// <param name="agents">Sorted by id, ids unique; the view keeps the array.</param>
    public StateView(long tick, AgentView[] agents, IReadOnlyList<HazardState> hazards, IReadOnlyList<CameraState> cameras, ulong stateHash = 0, HazardGrid? grid = null)
    {
        for (int i = 1; i < agents.Length; i++)
        {
            if (agents[i].Id <= agents[i - 1].Id)
            {
                throw new ArgumentException($"Agents must be sorted by id without repeats (id {agents[i].Id} follows {agents[i - 1].Id}).", nameof(agents));
            }
        }
        Tick = tick;
        _agents = agents;
        Hazards = hazards;
        Cameras = cameras;
        StateHash = stateHash;
        Grid = grid ?? HazardGrid.Empty;
    }

    /// <summary>An empty world: the baseline of a full snapshot.</summary>
    public static StateView Empty { get; } = new(-1, [], [], []);

    public long Tick { get; }

    public ReadOnlySpan<AgentView> Agents => _agents;

    public int AgentCount => _agents.Length;

    public IReadOnlyList<HazardState> Hazards { get; }

    public IReadOnlyList<CameraState> Cameras { get; }

    /// <summary>Water depth and fire, in tiles.</summary>
    public HazardGrid Grid { get; }

    /// <summary>The simulation's own state hash after this tick, where the server knows it (0 in a mirror).</summary>
    public ulong StateHash { get; }

    public AgentView? FindAgent(int id)
    {
        int index = IndexOf(id);
        return index >= 0 ? _agents[index] : null;
    }

    /// <summary>Where the agent with this id is in <see cref="Agents"/>, or a negative number.</summary>
    public int IndexOf(int id) => Array.BinarySearch(_agents, new AgentView(id, 0, 0, 0, 0, 0, 0, 0, 0), AgentIdComparer.Instance);

    /// <summary>A hash of everything the view holds except the tick and <see cref="StateHash"/>: equal views, equal hashes (tiles by their cells).</summary>
    public ulong ComputeHash()
    {
        var hash = new ViewHasher();
        hash.Add(_agents.Length);
        foreach (var a in _agents)
        {
            hash.Add(a.Id);
            hash.Add(a.Version);
            hash.Add(a.X);
            hash.Add(a.Y);
            hash.Add(a.Heading);
            hash.Add(a.Kind);
            hash.Add(a.Vital);
            hash.Add(a.Behaviour);
            hash.Add((long)a.Owner);
        }
        hash.Add(Hazards.Count);
        foreach (var h in Hazards)
        {
            hash.Add(h.Number);
            hash.Add((int)h.Kind);
            hash.Add(h.Name);
            hash.Add((long)h.StartTick);
            hash.Add(h.Stopped ? 1 : 0);
            hash.Add((long)h.StopTick);
            hash.Add(h.X);
            hash.Add(h.Y);
        }
        hash.Add(Cameras.Count);
        foreach (var c in Cameras)
        {
            hash.Add(c.CameraId);
            hash.Add((int)c.Mode);
            hash.Add((long)c.OwnerClientId);
            hash.Add(c.X);
            hash.Add(c.Y);
            hash.Add(c.Z);
            hash.Add(c.Yaw);
            hash.Add(c.Pitch);
        }
        Grid.AddTo(ref hash);
        return hash.Value;
    }

    private sealed class AgentIdComparer : IComparer<AgentView>
    {
        public static readonly AgentIdComparer Instance = new();

        public int Compare(AgentView x, AgentView y) => x.Id.CompareTo(y.Id);
    }
}
