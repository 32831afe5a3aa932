using TwinWorld.Simulation.Hazards.Fire;
using TwinWorld.Simulation.Hazards.Water;
using TwinWorld.Simulation.Hazards.Wind;

namespace TwinWorld.Simulation.Hazards;

/// <summary>
/// Rebuilds what agents can see of the hazards after the hazards have moved: danger per cell from
/// flood water, fire and tornado wind, and the burning front with its intensity.
/// <list type="bullet">
/// <item>Flood: the hazard rating HR = d (v + 0.5) of the UK flood risk to people method (Defra and
/// Environment Agency FD2321, 2006): 0.75 is dangerous for some, 2 for all; danger is HR / 2.</item>
/// <item>Fire: burning cells are deadly (1).</item>
/// <item>Wind: from 15 m/s (walking is hard) up to 1 at 45 m/s (debris).</item>
/// </list>
/// </summary>
internal sealed class DangerSystem : ISimulationSystem
{
    /// <summary>The lowest danger written, so even a little water on a street is seen.</summary>
    private const float Noticeable = 0.05f;
    private const float WindFrom = 15;
    private const float WindDeadly = 45;

    /// <summary>The levels of one run of wet land cells.</summary>
    private float[] _run = [];

    public string Name => "danger";

    /// <summary>The danger map is rebuilt from this tick's water, fire and wind.</summary>
    public IReadOnlyList<Type> RunsAfter => [typeof(FloodSystem), typeof(FireSystem), typeof(WindSystem)];

    public void Update(Simulator simulation)
    {
        var hazards = simulation.Hazards;
        hazards.Danger.Clear();
        hazards.FireFront.Clear();
        if (hazards.Water.Moving)
        {
            MarkFlood(hazards);
        }
        MarkFire(hazards, simulation.Site.Terrain.Width);
        MarkWind(simulation);
    }

    /// <summary>Flood danger on each wet land cell, raised a run of neighbouring cells at a time; a water cell's speed is looked up once for its cells.</summary>
    private void MarkFlood(HazardGrids hazards)
    {
        var water = hazards.Water;
        var cells = hazards.Flood.WetLandCells;
        var depths = hazards.Flood.WetLandDepths;
        int width = hazards.Danger.Width;
        if (_run.Length < width)
        {
            _run = new float[width];
        }
        int y = 0;
        int rowStart = 0;
        int runX = 0;
        int runLength = 0;
        int lastWaterCell = -1;
        float speed = 0;
        for (int i = 0; i < cells.Length; i++)
        {
            int cell = cells[i];
            if (cell != rowStart + runX + runLength || cell >= rowStart + width)
            {
                hazards.Danger.RaiseRun(runX, y, _run.AsSpan(0, runLength));
                runLength = 0;
                // Wet land comes in cell order, so rows are counted rather than divided out.
                while (cell >= rowStart + width)
                {
                    y++;
                    rowStart += width;
                }
                runX = cell - rowStart;
            }
            int waterCell = water.WaterCellOf(cell);
            if (waterCell != lastWaterCell)
            {
                speed = water.Solver.Speed(waterCell);
                lastWaterCell = waterCell;
            }
            _run[runLength++] = MathF.Max(Noticeable, depths[i] * (speed + 0.5f) / 2);
        }
        hazards.Danger.RaiseRun(runX, y, _run.AsSpan(0, runLength));
    }

    private static void MarkFire(HazardGrids hazards, int width)
    {
        var fire = hazards.Fire;
        if (fire.BurningCells == 0)
        {
            return;
        }
        for (int y = fire.MinY; y <= fire.MaxY; y++)
        {
            for (int x = fire.MinX; x <= fire.MaxX; x++)
            {
                int cell = (y * width) + x;
                if (fire.State(cell) == FireState.Burning)
                {
                    hazards.Danger.Raise(x, y, 1);
                    hazards.FireFront.Raise(x, y, MathF.Max(float.Epsilon, fire.Intensity(cell)));
                }
            }
        }
    }

    private static void MarkWind(Simulator simulation)
    {
        var wind = simulation.Hazards.Wind;
        var terrain = simulation.Site.Terrain;
        foreach (int cell in wind.CellsNearVortices(terrain, WindFrom))
        {
            float speed = wind.AtHeadHeight(terrain.CellCentre(cell)).Length();
            if (speed >= WindFrom)
            {
                simulation.Hazards.Danger.Raise(cell, MathF.Max(Noticeable, (speed - WindFrom) / (WindDeadly - WindFrom)));
            }
        }
    }
}
