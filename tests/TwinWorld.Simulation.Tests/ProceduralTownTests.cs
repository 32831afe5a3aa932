using TwinWorld.Simulation.Navigation;
using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Zones;

namespace TwinWorld.Simulation.Tests;

public class ProceduralTownTests
{
    private static readonly Site Town = ProceduralTown.Generate(new ProceduralTownOptions());

    [Fact]
    public void The_same_seed_gives_the_same_town_and_another_seed_another()
    {
        var again = ProceduralTown.Generate(new ProceduralTownOptions());
        var other = ProceduralTown.Generate(new ProceduralTownOptions { Seed = 2 });

        Assert.Equal(Town.Terrain.ComputeHash(), again.Terrain.ComputeHash());
        Assert.NotEqual(Town.Terrain.ComputeHash(), other.Terrain.ComputeHash());
    }

    [Fact]
    public void It_has_a_coast_a_town_with_roads_and_buildings_a_school_and_shelters_on_high_ground()
    {
        var terrain = Town.Terrain;
        Assert.Equal((512, 512, 2f), (terrain.Width, terrain.Height, terrain.CellSize));
        var counts = Enum.GetValues<LandUse>().ToDictionary(u => u, u => terrain.LandUse.Count(l => l == u));
        Assert.True(counts[LandUse.DeepWater] > 10_000 && counts[LandUse.Sand] > 1000);
        Assert.True(counts[LandUse.Road] > 5000 && counts[LandUse.Building] > 5000);
        Assert.Single(Town.Zones.OfKind(ZoneKind.School));
        var shelters = Town.Zones.OfKind(ZoneKind.Shelter).ToList();
        Assert.Equal(4, shelters.Count);
        var school = Town.Zones.OfKind(ZoneKind.School).Single();
        Assert.All(shelters, s => Assert.True(terrain.ElevationAt(s.Centre) > terrain.ElevationAt(school.Centre) + 20, $"{s.Name} is not on high ground"));
        Assert.All(terrain.Fuel.Select((fuel, i) => (fuel, i)).Where(c => terrain.LandUse[c.i] is LandUse.Road or LandUse.DeepWater), c => Assert.Equal(0, c.fuel));
    }

    [Fact]
    public void Every_shelter_can_be_reached_on_foot_from_the_school()
    {
        var navigation = new NavigationFields(Town);
        var schoolCell = Town.Zones.OfKind(ZoneKind.School).Single().Cells[0];

        foreach (var shelter in Town.Zones.OfKind(ZoneKind.Shelter))
        {
            Assert.True(navigation.ToZone(shelter.Id).Reaches(schoolCell), $"{shelter.Name} cannot be reached from the school");
        }
        Assert.True(navigation.NearestShelter.CostAt(schoolCell) < 1500, "the nearest shelter is more than 25 minutes' walk at 1 m/s");
    }

    [Fact]
    public void Too_small_a_town_is_refused_plainly()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ProceduralTown.Generate(new ProceduralTownOptions { Size = 64 }));
        Assert.Contains("at least 128", error.Message);
    }
}
