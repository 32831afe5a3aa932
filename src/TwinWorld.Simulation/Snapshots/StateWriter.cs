using System.Runtime.InteropServices;

namespace TwinWorld.Simulation.Snapshots;

/// <summary>Saves declared state: values as their bytes, arrays as their length then their bytes.</summary>
public sealed class StateWriter(BinaryWriter writer) : StateWalk
{
    public override void Value<T>(ref T value) => writer.Write(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));

    public override void Cells<T>(T[] cells) => writer.WriteArray<T>(cells);

    public override void Items<T>(ref T[] items, ref int count) => writer.WriteArray<T>(items.AsSpan(0, count));
}
