namespace TwinWorld.Simulation.Hazards.Water;

/// <summary>Surface level, depth and velocities (or their slopes) for a grid, a row or a side of ghosts.</summary>
internal sealed class WaterPrimitives(int length)
{
    public WaterPrimitives(float[] eta, float[] h, float[] u, float[] v)
        : this(0)
    {
        (Eta, H, U, V) = (eta, h, u, v);
    }

    public float[] Eta { get; } = new float[length];

    public float[] H { get; } = new float[length];

    public float[] U { get; } = new float[length];

    public float[] V { get; } = new float[length];
}
