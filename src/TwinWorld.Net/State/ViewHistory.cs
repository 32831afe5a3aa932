using TwinWorld.Protocol.State;

namespace TwinWorld.Net.State;

/// <summary>The last views the server streamed, by tick: the baselines its deltas are made against. Network thread only.</summary>
internal sealed class ViewHistory(int capacity = 64)
{
    private readonly StateView?[] _views = new StateView?[capacity];

    public StateView? Latest { get; private set; }

    public void Add(StateView view)
    {
        _views[view.Tick % _views.Length] = view;
        Latest = view;
    }

    public StateView? Find(long tick)
        => tick >= 0 && _views[tick % _views.Length] is { } view && view.Tick == tick ? view : null;
}
