namespace TwinWorld.Ecs;

/// <summary>
/// The slot table, indexed by entity id, in fixed pages. Growing adds a page instead of copying the
/// table, and pages stay below the large-object threshold, so a world that grows to millions of
/// entities never copies slots or churns the large object heap.
/// </summary>
internal sealed class EntitySlots
{
    private const int PageBits = 12;
    private const int PageSize = 1 << PageBits; // 4096 slots * 16 bytes = 64 KiB
    private const int PageMask = PageSize - 1;

    private EntitySlot[][] _pages = new EntitySlot[4][];

    /// <summary>Ids handed out so far: every id below this has a slot.</summary>
    public int Count { get; private set; }

    public ref EntitySlot this[int id] => ref _pages[id >> PageBits][id & PageMask];

    public bool Contains(int id) => (uint)id < (uint)Count;

    /// <summary>Adds the next id, at version 1 (version 0 is reserved for Entity.Null).</summary>
    public int Append()
    {
        int id = Count;
        int page = id >> PageBits;
        if ((id & PageMask) == 0)
        {
            if (page == _pages.Length)
            {
                Array.Resize(ref _pages, _pages.Length * 2);
            }
            _pages[page] = new EntitySlot[PageSize];
        }
        _pages[page][id & PageMask].Version = 1;
        Count++;
        return id;
    }

    /// <summary>A copy of every slot; the caller points live slots at its cloned chunks.</summary>
    public EntitySlots Clone()
    {
        var copy = new EntitySlots { Count = Count, _pages = new EntitySlot[_pages.Length][] };
        for (int i = 0; i < _pages.Length && _pages[i] is not null; i++)
        {
            copy._pages[i] = (EntitySlot[])_pages[i].Clone();
        }
        return copy;
    }
}
