using TwinWorld.Protocol.Bits;
using TwinWorld.Protocol.State;

namespace TwinWorld.Net.Interest;

/// <summary>
/// One worker's reusable buffers for building clients' state updates: the focus it fills for each client,
/// the writer the delta codec encodes into, the candidates being ranked and the agents an update touches.
/// Each worker has its own, so updates are built at once; nothing in it outlives one client's update.
/// </summary>
internal sealed class StreamScratch
{
    public Focus Focus { get; } = new();

    public BitWriter Writer { get; } = new(64 * 1024);

    public List<StreamCandidate> Candidates { get; } = [];

    public List<int> Destroyed { get; } = [];

    public List<(AgentView Old, AgentView New)> Updated { get; } = [];

    public List<AgentView> Created { get; } = [];

    /// <summary>Agent ids seen while collecting an update's changes, a bit each; all clear between updates.</summary>
    public ulong[] Marks { get; set; } = [];

    /// <summary>By agent id, where its first change since the baseline is (valid where marked).</summary>
    public int[] First { get; set; } = [];
}
