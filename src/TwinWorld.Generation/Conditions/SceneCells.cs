using TwinWorld.Simulation.Hazards;
using TwinWorld.Simulation.Hazards.Fire;
using TwinWorld.Simulation.Hazards.Wind;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Generation.Conditions;

/// <summary>
/// What a terrain cell shows right now, read straight from the live hazard grids: its layout class, water,
/// fire intensity and, for perspective views, how tall what stands on it is. Both projections sample through it.
/// </summary>
internal sealed class SceneCells(TerrainGrid terrain, HazardGrids hazards)
{
    /// <summary>Water at least this deep (m) shows as water; the depth at which it stops a fire.</summary>
    public const float WetDepth = 0.05f;

    public const float ShallowBelow = 0.3f;
    public const float WadingBelow = 1.5f;

    /// <summary>After a cell burns out, its fire intensity fades to 0 over this many seconds (protocol/world-model.md).</summary>
    public const float FireFadeSeconds = 60;

    // Ground classes by LandUse code; a dry sea bed (the sea drawn down before a wave) shows as sand.
    private static readonly LayoutClass[] Ground =
    [
        LayoutClass.Sand, LayoutClass.Sand, LayoutClass.Sand, LayoutClass.Grass, LayoutClass.Shrub,
        LayoutClass.Forest, LayoutClass.Road, LayoutClass.Building, LayoutClass.Plaza, LayoutClass.Rock,
    ];

    /// <summary>The roof height (m) of an undamaged building.</summary>
    public const float TallestStructure = 7;

    /// <summary>How tall flames stand over a burning cell (m), by LandUse code: a forest's crowns, a house, shrubs, grass.</summary>
    private static readonly float[] Flames = [0.5f, 0.5f, 0.5f, 1.2f, 3.5f, 9f, 0.8f, 8f, 0.8f, 0.5f];

    /// <summary>The tallest flames (m above the ground).</summary>
    public const float TallestFlames = 9;

    /// <summary>Of the ground cells beside a building the wind has damaged (moderate or worse), about this share is strewn with debris.</summary>
    public const float DebrisShare = 0.55f;

    // Roof height (m) of a building cell by DamageState: two storeys until the roof structure goes.
    private static readonly float[] Storeys = [TallestStructure, TallestStructure, 6f, 3.5f, 1f];

    private readonly float[] _bed = terrain.Elevation;
    private readonly LandUse[] _use = terrain.LandUse;
    private readonly byte[] _fuel = terrain.Fuel;

    public TerrainGrid Terrain => terrain;

    public float Bed(int cell) => _bed[cell];

    public float WaterDepth(int cell) => hazards.Water.DepthAt(cell);

    /// <summary>Water on ground that was dry at the start (a flood), as opposed to the sea.</summary>
    public float FloodDepth(int cell) => hazards.Flood.IsLand(cell) ? hazards.Water.DepthAt(cell) : 0;

    /// <summary>How high what stands on the cell rises above its bed (m): buildings; 0 elsewhere.</summary>
    public float StructureHeight(int cell) => _use[cell] == LandUse.Building ? Storeys[(int)hazards.Buildings.At(cell)] : 0;

    /// <summary>How tall the flames over the cell stand (m above its bed) while it burns; 0 when it does not.</summary>
    public float FlameHeight(int cell) => hazards.Fire.State(cell) == FireState.Burning ? Flames[(int)_use[cell]] : 0;

    /// <summary>The top of what a ray meets over the cell: the water surface, a roof or flames, whichever is highest.</summary>
    public float SurfaceTop(int cell)
    {
        float depth = hazards.Water.DepthAt(cell);
        return _bed[cell] + MathF.Max(MathF.Max(depth >= WetDepth ? depth : 0, StructureHeight(cell)), FlameHeight(cell));
    }

    /// <summary>Whether any building has moderate damage or worse (only then can there be debris).</summary>
    public bool AnyWrecked
    {
        get
        {
            var buildings = hazards.Buildings;
            return buildings.CellsIn(DamageState.Moderate) + buildings.CellsIn(DamageState.Severe) + buildings.CellsIn(DamageState.Destroyed) > 0;
        }
    }

    /// <summary>
    /// Whether a ground cell is strewn with debris: a building next to it (the 8 round it) has moderate damage or
    /// worse, and the cell is among the <see cref="DebrisShare"/> picked by a hash of its index (scattered, and fixed).
    /// </summary>
    private bool Strewn(int cell)
    {
        if (Hash(cell) >= DebrisShare)
        {
            return false;
        }
        int width = terrain.Width, x = cell % width, y = cell / width;
        for (int dy = -1; dy <= 1; dy++)
        {
            for (int dx = -1; dx <= 1; dx++)
            {
                int nx = x + dx, ny = y + dy;
                if ((uint)nx < (uint)width && (uint)ny < (uint)terrain.Height)
                {
                    int n = cell + (dy * width) + dx;
                    if (_use[n] == LandUse.Building && hazards.Buildings.At(n) >= DamageState.Moderate)
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static float Hash(int cell)
    {
        uint h = (uint)cell * 0x9E3779B1u;
        h ^= h >> 15;
        h *= 0x85EBCA77u;
        h ^= h >> 13;
        return (h & 0xFFFFFF) / (float)0x1000000;
    }

    /// <summary>
    /// The cell's class without agents, smoke or tornadoes: fire, then water, then buildings, then burnt ground, then
    /// debris, then the ground. With <paramref name="roofsAboveWater"/> (perspective) a building taller than the water
    /// round it shows as a building. <paramref name="wrecked"/>: <see cref="AnyWrecked"/> (asked once a frame).
    /// </summary>
    public LayoutClass ClassAt(int cell, bool roofsAboveWater, bool wrecked = false)
    {
        var fire = hazards.Fire.State(cell);
        if (fire == FireState.Burning)
        {
            return LayoutClass.Fire;
        }
        float depth = hazards.Water.DepthAt(cell);
        bool building = _use[cell] == LandUse.Building;
        if (depth >= WetDepth && !(building && roofsAboveWater && StructureHeight(cell) > depth))
        {
            return depth < ShallowBelow ? LayoutClass.WaterShallow : depth < WadingBelow ? LayoutClass.WaterWading : LayoutClass.WaterDeep;
        }
        if (building)
        {
            return hazards.Buildings.At(cell) >= DamageState.Moderate ? LayoutClass.DamagedBuilding : LayoutClass.Building;
        }
        return fire == FireState.BurnedOut ? LayoutClass.Burnt : wrecked && Strewn(cell) ? LayoutClass.Debris : Ground[(int)_use[cell]];
    }

    /// <summary>
    /// 1 while the cell burns, fading linearly to 0 over <see cref="FireFadeSeconds"/> after it burns out (at its
    /// arrival plus its fuel's residence time). A fire put out early is taken to have gone out when it arrived.
    /// </summary>
    public float FireIntensity(int cell)
    {
        var fire = hazards.Fire;
        var state = fire.State(cell);
        if (state == FireState.Burning)
        {
            return 1;
        }
        if (state != FireState.BurnedOut)
        {
            return 0;
        }
        float arrival = fire.ArrivalTime(cell);
        float burnout = arrival + (fire.Behaviour(_fuel[cell])?.ResidenceTime ?? 0);
        if (burnout > fire.Time)
        {
            burnout = arrival;
        }
        return Math.Clamp(1 - ((fire.Time - burnout) / FireFadeSeconds), 0, 1);
    }
}
