using System.Numerics;
using System.Runtime.InteropServices;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Hazards.Fire;
using TwinWorld.Simulation.Hazards.Harm;
using TwinWorld.Simulation.Hazards.Water;
using TwinWorld.Simulation.Hazards.Wind;
using TwinWorld.Simulation.Snapshots;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Simulation.Hazards;

/// <summary>
/// The grid resources the hazard entities act on: the sea and flood water, the fire, the wind and
/// the buildings it damages, and what agents perceive of them all (danger and the burning front).
/// </summary>
public sealed class HazardGrids : IEvolvingState
{
    /// <summary>The sea's level at rest (m): cells below it start under water.</summary>
    public const float SeaLevel = 0;

    /// <summary>Burning cells further than this (m) are not felt.</summary>
    public const float HeatRadius = 50;

    private readonly TerrainGrid _terrain;

    internal HazardGrids(Site site, SimulationOptions options)
    {
        _terrain = site.Terrain;
        var terrain = site.Terrain;
        Water = new WaterGrid(terrain, Math.Clamp((int)MathF.Round(options.WaterCellSize / terrain.CellSize, MidpointRounding.AwayFromZero), 1, Math.Min(terrain.Width, terrain.Height)), options.Workers);
        Water.Solver.StillLevel = SeaLevel;
        Water.Solver.FillTo(SeaLevel);
        Flood = new FloodMaps(terrain, SeaLevel);
        Fire = new FireGrid(terrain, FuelMoisture.Default);
        Buildings = new BuildingDamage(terrain);
        Danger = new HazardField(terrain);
        FireFront = new HazardField(terrain, float.MaxValue);
    }

    /// <summary>The water: the sea at rest until a tsunami sets it moving.</summary>
    public WaterGrid Water { get; }

    public FloodMaps Flood { get; }

    public FireGrid Fire { get; }

    public WindField Wind { get; } = new();

    public BuildingDamage Buildings { get; }

    /// <summary>How dangerous each cell is (0 to 1), rebuilt each tick from the hazards; agents flee what they see of it.</summary>
    public HazardField Danger { get; }

    /// <summary>Burning cells and their fireline intensity (kW/m), rebuilt each tick, for heat exposure.</summary>
    public HazardField FireFront { get; }

    /// <summary>Flood water standing on land at a point (m); the sea itself does not count.</summary>
    public float FloodDepthAt(Vector2 at)
    {
        int cell = _terrain.IndexAt(at);
        return Water.Moving && cell >= 0 && Flood.IsLand(cell) ? Water.DepthAt(cell) : 0;
    }

    /// <summary>What the hazards do at a point right now.</summary>
    public HazardExposure ExposureAt(Vector2 at)
    {
        int cell = _terrain.IndexAt(at);
        if (cell < 0)
        {
            return HazardExposure.None;
        }
        float depth = 0;
        float speed = 0;
        if (Water.Moving && Flood.IsLand(cell))
        {
            depth = Water.DepthAt(cell);
            speed = Water.SpeedAt(cell);
        }
        float heat = 0;
        float fireDistance = float.PositiveInfinity;
        if (FireFront.LevelAt(cell) > 0)
        {
            // In a burning cell: in its flames, though the cell's corners lie further than half a cell from its centre.
            fireDistance = 0;
            heat = HarmModel.HeatFlux(FireFront.LevelAt(cell), 0, _terrain.CellSize);
        }
        else if (FireFront.Any)
        {
            var (_, distance, burning) = FireFront.Nearest(at, HeatRadius, float.Epsilon);
            if (burning >= 0)
            {
                fireDistance = distance;
                heat = HarmModel.HeatFlux(FireFront.LevelAt(burning), distance, _terrain.CellSize);
            }
        }
        return new HazardExposure(depth, speed, heat, fireDistance, Wind.AtHeadHeight(at).Length());
    }

    /// <summary>Whether anything could harm anyone anywhere this tick (when not, harm is skipped).</summary>
    public bool AnyHarmPossible => Water.Moving || FireFront.Any || Wind.Vortices.Count > 0
        || Wind.Ambient.Length() * WindField.HeadHeightFactor >= HarmLimits.Vulnerable.WindKnockDown; // the lowest knock-down limit of any kind

    /// <summary>Every grid's state, in the order snapshots hold them.</summary>
    public void Walk(StateWalk walk)
    {
        walk.Part(Water);
        walk.Part(Flood);
        walk.Part(Fire);
        walk.Part(Wind);
        walk.Part(Buildings);
        walk.Part(Danger);
        walk.Part(FireFront);
    }
}
