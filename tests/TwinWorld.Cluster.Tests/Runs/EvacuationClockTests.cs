using TwinWorld.Cluster.Runs;

namespace TwinWorld.Cluster.Tests.Runs;

public class EvacuationClockTests
{
    private static EvacuationClock Watch(params (int Second, int Evacuated)[] ticks)
    {
        var clock = new EvacuationClock();
        foreach (var (second, evacuated) in ticks)
        {
            clock.Observe(TimeSpan.FromSeconds(second), evacuated);
        }
        return clock;
    }

    [Fact]
    public void The_evacuation_time_is_when_95_percent_of_the_final_count_were_evacuated()
    {
        // 95% of 20 is exactly 19 (not 19.000000000000004, which rounded up would need all 20).
        var clock = Watch((1, 0), (2, 5), (3, 18), (4, 19), (5, 19), (6, 20));

        Assert.Equal(4, clock.TimeToReach(20));
    }

    [Fact]
    public void Part_of_a_person_rounds_up_to_a_whole_one()
    {
        // 95% of 10 is 9.5 people: it takes 10.
        var clock = Watch((1, 9), (2, 9), (3, 10));

        Assert.Equal(3, clock.TimeToReach(10));
    }

    [Fact]
    public void The_first_time_counts_even_if_the_count_falls_back_later()
    {
        var clock = Watch((1, 19), (2, 17), (3, 20));

        Assert.Equal(1, clock.TimeToReach(20));
    }

    [Fact]
    public void With_no_one_evacuated_there_is_no_evacuation_time()
    {
        Assert.Null(Watch((1, 0), (2, 0)).TimeToReach(0));
    }
}
