using System.Runtime.InteropServices;
using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Simulation.Hazards.Fire;

/// <summary>
/// A binary min-heap of (time, cell) events packed into one 64-bit key, time's bits above the cell index.
/// For times >= 0 the float's bits order like the float, so the key orders by time and then by cell index:
/// ties are broken the same way on every run.
/// </summary>
internal sealed class EventQueue : IEvolvingState
{
    private ulong[] _items = new ulong[1024];
    private int _count;

    public int Count => _count;

    /// <summary>The queued keys in heap order, for hashing and for visiting every pending cell.</summary>
    public ReadOnlySpan<ulong> Items => _items.AsSpan(0, _count);

    public static int CellOf(ulong key) => (int)(uint)key;

    public void Push(float time, int cell)
    {
        // + 0 turns -0 into +0, whose bits order correctly.
        ulong key = ((ulong)BitConverter.SingleToUInt32Bits(time + 0f) << 32) | (uint)cell;
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (_items[parent] <= key)
            {
                break;
            }
            _items[i] = _items[parent];
            i = parent;
        }
        _items[i] = key;
    }

    public bool TryPeek(out float time, out int cell)
    {
        if (_count == 0)
        {
            time = 0;
            cell = -1;
            return false;
        }
        ulong key = _items[0];
        time = BitConverter.UInt32BitsToSingle((uint)(key >> 32));
        cell = CellOf(key);
        return true;
    }

    public void Pop()
    {
        ulong last = _items[--_count];
        int i = 0;
        while (true)
        {
            int child = (2 * i) + 1;
            if (child >= _count)
            {
                break;
            }
            if (child + 1 < _count && _items[child + 1] < _items[child])
            {
                child++;
            }
            if (last <= _items[child])
            {
                break;
            }
            _items[i] = _items[child];
            i = child;
        }
        _items[i] = last;
    }

    /// <summary>Drops the events of the cells <paramref name="drop"/> picks; the rest stay due as they were.</summary>
    public void RemoveWhere(Func<int, bool> drop)
    {
        int kept = 0;
        for (int i = 0; i < _count; i++)
        {
            if (!drop(CellOf(_items[i])))
            {
                _items[kept++] = _items[i];
            }
        }
        _count = kept;
        // A sorted array is a valid heap, and the same for the same events whatever their order before.
        Array.Sort(_items, 0, kept);
    }

    public void Walk(StateWalk walk) => walk.Items(ref _items, ref _count);
}
