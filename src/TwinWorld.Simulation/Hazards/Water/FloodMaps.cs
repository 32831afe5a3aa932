using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Simulation.Hazards.Water;

/// <summary>
/// The inundation record of a run, over land that was dry at the start: the deepest water each cell
/// has seen, and when water first stood there at least <see cref="FloodedDepth"/> deep. Both follow
/// from the water's history, which the state hash covers, so they are not hashed themselves.
/// </summary>
public sealed class FloodMaps
{
    /// <summary>Water this deep (m) counts a cell as flooded.</summary>
    public const float FloodedDepth = 0.1f;

    private readonly bool[] _land;

    public FloodMaps(TerrainGrid terrain, float stillLevel)
    {
        _land = terrain.Elevation.Select(e => e >= stillLevel).ToArray();
        MaxDepth = new float[terrain.CellCount];
        ArrivalSeconds = Enumerable.Repeat(float.PositiveInfinity, terrain.CellCount).ToArray();
    }

    /// <summary>The deepest water seen per cell (m); 0 at sea.</summary>
    public float[] MaxDepth { get; }

    /// <summary>Seconds into the run when each land cell first flooded; +infinity if it has not.</summary>
    public float[] ArrivalSeconds { get; }

    public int FloodedCells { get; private set; }

    /// <summary>Land cells under water right now.</summary>
    public int WetCells { get; private set; }

    public float DeepestWater { get; private set; }

    public bool IsLand(int cell) => _land[cell];

    /// <summary>Takes in the water after a step that ended at the given time.</summary>
    public void Update(ReadOnlySpan<float> depth, float seconds)
    {
        int wet = 0;
        for (int cell = 0; cell < depth.Length; cell++)
        {
            if (!_land[cell])
            {
                continue;
            }
            float h = depth[cell];
            if (h > MaxDepth[cell])
            {
                MaxDepth[cell] = h;
                DeepestWater = MathF.Max(DeepestWater, h);
            }
            if (h >= FloodedDepth)
            {
                wet++;
                if (float.IsPositiveInfinity(ArrivalSeconds[cell]))
                {
                    ArrivalSeconds[cell] = seconds;
                    FloodedCells++;
                }
            }
        }
        WetCells = wet;
    }

    internal void Save(BinaryWriter writer)
    {
        writer.WriteArray<float>(MaxDepth);
        writer.WriteArray<float>(ArrivalSeconds);
        writer.Write(FloodedCells);
        writer.Write(WetCells);
        writer.Write(DeepestWater);
    }

    internal void Load(BinaryReader reader)
    {
        reader.ReadArrayInto<float>(MaxDepth);
        reader.ReadArrayInto<float>(ArrivalSeconds);
        FloodedCells = reader.ReadInt32();
        WetCells = reader.ReadInt32();
        DeepestWater = reader.ReadSingle();
    }
}
