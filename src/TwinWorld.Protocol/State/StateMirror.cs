using TwinWorld.Protocol.Bits;
using TwinWorld.Protocol.Tiles;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Protocol.State;

/// <summary>
/// A client's copy of the world, rebuilt from state updates. It keeps the last views it applied,
/// tick-stamped, as baselines for the deltas to come and for interpolating between two ticks. Bad
/// updates are refused with a status, never an exception. Not thread-safe: one thread applies.
/// </summary>
public sealed class StateMirror(int history = 64)
{
    private readonly StateView?[] _views = new StateView?[Math.Max(2, history)];

    /// <summary>The newest view, or null before the first snapshot.</summary>
    public StateView? Latest { get; private set; }

    /// <summary>Why the last update was rejected.</summary>
    public string? LastProblem { get; private set; }

    public MirrorStatus Apply(StateUpdate update)
    {
        if (update.Tick > long.MaxValue || (Latest is not null && (long)update.Tick <= Latest.Tick))
        {
            return MirrorStatus.Stale;
        }
        var baseline = update.HasBaseline ? Find((long)update.BaselineTick) : StateView.Empty;
        if (baseline is null)
        {
            return MirrorStatus.BaselineMissing;
        }
        if (update.HasBaseline && !update.HazardsChanged && !update.CamerasChanged && update.Hazards.Count + update.Cameras.Count > 0)
        {
            return Reject("hazards or cameras come with an update that says they did not change");
        }
        AgentView[] agents;
        try
        {
            agents = AgentDeltaCodec.Decode(baseline.Agents, update.Agents.Span);
        }
        catch (BitStreamException e)
        {
            return Reject(e.Message);
        }
        var tiles = new List<KeyValuePair<int, GridTile?>>(update.Tiles.Count);
        foreach (var message in update.Tiles)
        {
            var tile = GridTile.Inflate(message, out string? problem);
            if (problem is not null)
            {
                return Reject(problem);
            }
            tiles.Add(new(GridTile.KeyOf(message.Layer, (int)message.X, (int)message.Y), tile));
        }
        var view = new StateView(
            (long)update.Tick,
            agents,
            update.HazardsChanged ? [.. update.Hazards] : baseline.Hazards,
            update.CamerasChanged ? [.. update.Cameras] : baseline.Cameras,
            grid: tiles.Count == 0 ? baseline.Grid : baseline.Grid.With(tiles));
        _views[view.Tick % _views.Length] = view;
        Latest = view;
        return MirrorStatus.Applied;
    }

    /// <summary>The view of a tick, if it is still held.</summary>
    public StateView? Find(long tick)
        => tick >= 0 && _views[tick % _views.Length] is { } view && view.Tick == tick ? view : null;

    /// <summary>
    /// The two held views around a render time in (fractional) ticks, and how far between them it lies,
    /// for interpolation; false when fewer than two views are held at or before it.
    /// </summary>
    public bool TryBracket(double renderTick, out StateView from, out StateView to, out double fraction)
    {
        from = to = StateView.Empty;
        fraction = 0;
        if (Latest is null || double.IsNaN(renderTick))
        {
            return false;
        }
        long last = Math.Min(Latest.Tick, (long)Math.Floor(renderTick));
        StateView? earlier = null;
        for (long tick = last; tick > Latest.Tick - _views.Length && earlier is null; tick--)
        {
            earlier = Find(tick);
        }
        if (earlier is null)
        {
            return false;
        }
        StateView? later = null;
        for (long tick = earlier.Tick + 1; tick <= Latest.Tick && later is null; tick++)
        {
            later = Find(tick);
        }
        if (later is null)
        {
            return false;
        }
        (from, to) = (earlier, later);
        fraction = Math.Clamp((renderTick - earlier.Tick) / (later.Tick - earlier.Tick), 0, 1);
        return true;
    }

    private MirrorStatus Reject(string problem)
    {
        LastProblem = problem;
        return MirrorStatus.Rejected;
    }
}
