using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Simulation.Hazards.Wind;

/// <summary>The worst wind damage each building cell has taken; damage never heals during a run.</summary>
public sealed class BuildingDamage : IEvolvingState
{
    /// <summary>The wind (m/s) at which each <see cref="DamageState"/> above None begins.</summary>
    public static readonly float[] Thresholds = [36f, 43f, 54f, 68f];

    private readonly TerrainGrid _terrain;
    private readonly DamageState[] _state;
    private readonly int[] _counts = new int[Thresholds.Length + 1];

    public BuildingDamage(TerrainGrid terrain)
    {
        _terrain = terrain;
        _state = new DamageState[terrain.CellCount];
        _counts[0] = terrain.LandUse.Count(use => use == LandUse.Building);
    }

    public DamageState At(int cell) => _state[cell];

    /// <summary>Building cells in each state, indexed by <see cref="DamageState"/>.</summary>
    public int CellsIn(DamageState state) => _counts[(int)state];

    /// <summary>Building cells with any damage.</summary>
    public int DamagedCells => _counts.Skip(1).Sum();

    /// <summary>A building cell feels this wind; it takes the damage that wind does, if worse than what it has.</summary>
    public void Expose(int cell, float windSpeed)
    {
        if (_terrain.LandUse[cell] != LandUse.Building)
        {
            return;
        }
        var state = DamageState.None;
        while ((int)state < Thresholds.Length && windSpeed >= Thresholds[(int)state])
        {
            state++;
        }
        if (state > _state[cell])
        {
            _counts[(int)_state[cell]]--;
            _counts[(int)state]++;
            _state[cell] = state;
        }
    }

    /// <summary>The damage per cell; the counts per state follow from it.</summary>
    public void Walk(StateWalk walk)
    {
        walk.Cells(_state);
        walk.Derived(w => w.Cells(_counts));
    }
}
