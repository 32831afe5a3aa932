using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Simulation.Hazards.Water;

/// <summary>
/// One copy of the water: conserved variables (depth, discharges), the primitives the fluxes read (surface level and
/// desingularised velocities), all with slack after the last cell for whole-vector reads, and per row the span of wet cells, which lets the step skip dry land exactly.
/// </summary>
internal sealed class WaterState
{
    /// <param name="bed">Bed elevation per cell, with <see cref="WaterKernel.Padding"/> slack after the last.</param>
    public WaterState(int width, int height, float[] bed)
    {
        int cells = (width * height) + WaterKernel.Padding;
        H = new float[cells];
        Hu = new float[cells];
        Hv = new float[cells];
        Eta = (float[])bed.Clone();
        U = new float[cells];
        V = new float[cells];
        WetLo = new int[height];
        WetHi = new int[height];
        Array.Fill(WetLo, width);
        Array.Fill(WetHi, -1);
        Primitives = new WaterPrimitives(Eta, H, U, V);
    }

    public float[] H { get; }

    public float[] Hu { get; }

    public float[] Hv { get; }

    /// <summary>Surface level h + z (the bed where dry).</summary>
    public float[] Eta { get; }

    public float[] U { get; }

    public float[] V { get; }

    /// <summary>Eta, H, U and V together.</summary>
    public WaterPrimitives Primitives { get; }

    /// <summary>Per row, the first and last column with water; empty when WetLo > WetHi.</summary>
    public int[] WetLo { get; }

    public int[] WetHi { get; }

    public bool RowWet(int y) => WetLo[y] <= WetHi[y];

    /// <summary>Everything in this copy of the water, derived arrays included, so a restored step starts bit-identical.</summary>
    public void Save(BinaryWriter writer)
    {
        foreach (var values in new[] { H, Hu, Hv, Eta, U, V })
        {
            writer.WriteArray<float>(values);
        }
        writer.WriteArray<int>(WetLo);
        writer.WriteArray<int>(WetHi);
    }

    public void Load(BinaryReader reader)
    {
        foreach (var values in new[] { H, Hu, Hv, Eta, U, V })
        {
            reader.ReadArrayInto<float>(values);
        }
        reader.ReadArrayInto<int>(WetLo);
        reader.ReadArrayInto<int>(WetHi);
    }
}
