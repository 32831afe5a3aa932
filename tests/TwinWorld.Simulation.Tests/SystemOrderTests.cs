namespace TwinWorld.Simulation.Tests;

/// <summary>The tick's order comes from what each system declares it runs after.</summary>
public class SystemOrderTests
{
    private static readonly Simulator Town = new(DeterminismTests.Town);

    [Fact]
    public void A_tick_runs_the_hazards_then_the_agents_then_harm_and_cameras()
    {
        Assert.Equal(["wind", "water", "fire", "danger", "sense", "think", "act", "harm", "cameras"], Town.Systems.Select(s => s.Name));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Whatever_order_the_systems_are_given_in_each_runs_after_what_it_declares(int seed)
    {
        var shuffled = Town.Systems.ToArray();
        new Random(seed).Shuffle(shuffled);

        var sorted = SystemOrder.Sort(shuffled);

        Assert.Equal(Town.Systems.Count, sorted.Count);
        for (int i = 0; i < sorted.Count; i++)
        {
            var before = sorted.Take(i).Select(s => s.GetType()).ToHashSet();
            Assert.All(sorted[i].RunsAfter, type => Assert.Contains(type, before));
        }
    }

    [Fact]
    public void A_cycle_is_refused_naming_the_systems_in_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SystemOrder.Sort([new Egg(), new Chicken(), new Bystander()]));

        Assert.Contains("cycle among: egg, chicken", error.Message);
    }

    [Fact]
    public void A_dependency_that_is_not_a_system_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SystemOrder.Sort([new Egg()]));

        Assert.Contains("The egg system runs after Chicken, which is not one of the systems", error.Message);
    }

    private abstract class TestSystem : ISimulationSystem
    {
        public string Name => GetType().Name.ToLowerInvariant();

        public abstract IReadOnlyList<Type> RunsAfter { get; }

        public void Update(Simulator simulation)
        {
        }
    }

    private sealed class Egg : TestSystem
    {
        public override IReadOnlyList<Type> RunsAfter => [typeof(Chicken)];
    }

    private sealed class Chicken : TestSystem
    {
        public override IReadOnlyList<Type> RunsAfter => [typeof(Egg)];
    }

    private sealed class Bystander : TestSystem
    {
        public override IReadOnlyList<Type> RunsAfter => [];
    }
}
