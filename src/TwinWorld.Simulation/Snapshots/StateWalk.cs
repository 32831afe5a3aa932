using System.Runtime.InteropServices;

namespace TwinWorld.Simulation.Snapshots;

/// <summary>
/// What an <see cref="IEvolvingState"/> declares its state to: the one list that saving
/// (<see cref="StateWriter"/>), loading (<see cref="StateReader"/>) and hashing (<see cref="StateHashWalk"/>)
/// each walk in their own way. The archive pattern: one symmetric declaration instead of paired
/// Save/Load/Hash methods that drift apart.
/// </summary>
public abstract class StateWalk
{
    /// <summary>A value that evolves: saved, loaded and hashed.</summary>
    public abstract void Value<T>(ref T value) where T : unmanaged;

    /// <summary>Cells that evolve, in an array whose length the site fixes.</summary>
    public abstract void Cells<T>(T[] cells) where T : unmanaged;

    /// <summary>
    /// Cells of which only those in <paramref name="active"/> can differ from their starting value: all
    /// saved and loaded, only the box hashed. The box itself must be declared too.
    /// </summary>
    public virtual void Cells<T>(T[] cells, int width, CellBox active) where T : unmanaged => Cells(cells);

    /// <summary>Items whose number evolves, the first <paramref name="count"/> of a buffer that grows as needed.</summary>
    public abstract void Items<T>(ref T[] items, ref int count) where T : unmanaged;

    /// <summary>Items whose number evolves, in a list.</summary>
    public void Items<T>(List<T> items) where T : unmanaged
    {
        var buffer = CollectionsMarshal.AsSpan(items).ToArray();
        int count = buffer.Length;
        Items(ref buffer, ref count);
        CollectionsMarshal.SetCount(items, count);
        buffer.AsSpan(0, count).CopyTo(CollectionsMarshal.AsSpan(items));
    }

    /// <summary>
    /// State worked out from the rest and kept so a restored step is bit-identical (solver caches,
    /// per-tick lists): saved and loaded, not hashed, since the hash of what it derives from covers it.
    /// </summary>
    public virtual void Derived(Action<StateWalk> declare) => declare(this);

    /// <summary>A part with a declaration of its own.</summary>
    public virtual void Part(IEvolvingState part) => part.Walk(this);
}
