using System.Runtime.InteropServices;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Simulation;

/// <summary>Hashes declared state: its values, its cells (within their window) and its items; derived state is skipped.</summary>
public sealed class StateHashWalk(ulong seed) : StateWalk
{
    private StableHasher _hasher = new(seed);

    /// <summary>The hash of the parts, walked in order.</summary>
    public static ulong Of(ulong seed, params ReadOnlySpan<IEvolvingState> parts)
    {
        var walk = new StateHashWalk(seed);
        foreach (var part in parts)
        {
            walk.Part(part);
        }
        return walk._hasher.Finish();
    }

    public override void Value<T>(ref T value) => _hasher.Add(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));

    public override void Cells<T>(T[] cells) => _hasher.Add(MemoryMarshal.AsBytes(cells.AsSpan()));

    public override void Cells<T>(T[] cells, int width, CellBox active)
    {
        if (active.IsEmpty)
        {
            return;
        }
        for (int y = active.MinY; y <= active.MaxY; y++)
        {
            _hasher.Add(MemoryMarshal.AsBytes(cells.AsSpan(active.Row(y, width))));
        }
    }

    public override void Items<T>(ref T[] items, ref int count)
    {
        _hasher.Add(count);
        _hasher.Add(MemoryMarshal.AsBytes(items.AsSpan(0, count)));
    }

    public override void Derived(Action<StateWalk> declare)
    {
    }
}
