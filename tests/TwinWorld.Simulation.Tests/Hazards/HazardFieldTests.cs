using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Hazards;

namespace TwinWorld.Simulation.Tests.Hazards;

public class HazardFieldTests
{
    [Fact]
    public void A_run_raised_at_once_leaves_the_field_as_raising_its_cells_one_by_one()
    {
        var terrain = HazardSites.Field(size: 40, cellSize: 2).Terrain;
        var oneByOne = new HazardField(terrain);
        var asRuns = new HazardField(terrain);
        var random = DeterministicRandom.ForStream(9, 1);
        for (int run = 0; run < 60; run++)
        {
            int y = random.NextInt(40);
            int x = random.NextInt(40);
            var levels = new float[random.NextInt(41 - x)];
            for (int i = 0; i < levels.Length; i++)
            {
                // Some NaN, some above the field's maximum, some at or below what is there already.
                levels[i] = random.NextInt(10) switch { 0 => float.NaN, 1 => 3, _ => random.NextFloat(-0.2f, 1) };
                oneByOne.Raise(terrain.Index(x + i, y), levels[i]);
            }
            asRuns.RaiseRun(x, y, levels);
        }

        Assert.Equal(Hash(oneByOne), Hash(asRuns));
        Assert.Equal((oneByOne.MinX, oneByOne.MaxX, oneByOne.MinY, oneByOne.MaxY), (asRuns.MinX, asRuns.MaxX, asRuns.MinY, asRuns.MaxY));
        for (int by = 0; by < 5; by++)
        {
            for (int bx = 0; bx < 5; bx++)
            {
                Assert.Equal(oneByOne.BlockMax(bx, by), asRuns.BlockMax(bx, by));
            }
        }
        Assert.Equal(oneByOne.Nearest(new Vector2(40, 40), 30, 0.5f), asRuns.Nearest(new Vector2(40, 40), 30, 0.5f));
    }

    [Fact]
    public void A_run_with_nothing_above_the_field_leaves_its_bounds_alone()
    {
        var terrain = HazardSites.Field(size: 20, cellSize: 2).Terrain;
        var field = new HazardField(terrain);

        field.RaiseRun(3, 4, [0, float.NaN, -1]);
        field.RaiseRun(0, 0, []);

        Assert.False(field.Any);
    }

    private static ulong Hash(HazardField field)
    {
        return StateHashWalk.Of(1, field);
    }
}
