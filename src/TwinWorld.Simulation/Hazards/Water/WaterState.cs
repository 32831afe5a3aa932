using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Simulation.Hazards.Water;

/// <summary>
/// One copy of the water: conserved variables (depth, discharges), the primitives the fluxes read (surface level and
/// desingularised velocities), all with slack after the last cell for whole-vector reads, and per row the span of wet cells, which lets the step skip dry land exactly.
/// </summary>
internal sealed class WaterState : IEvolvingState
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

    /// <summary>The conserved variables; the primitives and wet spans follow from them but are kept, so a restored step starts bit-identical.</summary>
    public void Walk(StateWalk walk)
    {
        walk.Cells(H);
        walk.Cells(Hu);
        walk.Cells(Hv);
        walk.Derived(w =>
        {
            w.Cells(Eta);
            w.Cells(U);
            w.Cells(V);
            w.Cells(WetLo);
            w.Cells(WetHi);
        });
    }
}
