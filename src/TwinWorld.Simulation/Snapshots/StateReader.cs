using System.Runtime.InteropServices;

namespace TwinWorld.Simulation.Snapshots;

/// <summary>
/// Loads declared state in place. Grids must have the length the site gives them, and item counts
/// are bounded, so a snapshot of another site or a damaged one is an <see cref="InvalidDataException"/>.
/// </summary>
public sealed class StateReader(BinaryReader reader) : StateWalk
{
    /// <summary>More items than any part keeps (the fire's event heap is at most a few per cell).</summary>
    private const int MaxItems = 1 << 26;

    public override void Value<T>(ref T value) => reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(new Span<T>(ref value)));

    public override void Cells<T>(T[] cells) => reader.ReadArrayInto<T>(cells);

    public override void Items<T>(ref T[] items, ref int count)
    {
        var read = reader.ReadArray<T>(MaxItems);
        if (read.Length > items.Length)
        {
            items = new T[read.Length];
        }
        read.CopyTo(items, 0);
        count = read.Length;
    }
}
