using TwinWorld.Server.Ticking;

namespace TwinWorld.Server.Tests;

/// <summary>The schedule is pure arithmetic on timestamps, so drift and catch-up are tested without a clock.</summary>
public class TickScheduleTests
{
    private const long Period = 50_000; // 20 Hz in microsecond units

    [Fact]
    public void Tick_n_is_due_at_start_plus_n_periods_however_late_each_tick_ran()
    {
        var schedule = new TickSchedule(start: 1_000, Period, maxCatchUp: 10 * Period);
        var jitter = new Random(7);
        for (int i = 0; i < 100_000; i++)
        {
            long due = 1_000 + schedule.Tick * Period;
            Assert.Equal(due, schedule.DueAt(schedule.Tick));
            // Each tick starts a little late and takes a random part of its period.
            schedule.Complete(due + jitter.Next(0, (int)Period - 1));
        }

        Assert.Equal(1_000 + 100_000 * Period, schedule.DueAt(schedule.Tick));
    }

    [Fact]
    public void Remaining_counts_down_to_the_next_due_time()
    {
        var schedule = new TickSchedule(start: 0, Period, maxCatchUp: Period);
        Assert.True(schedule.Remaining(0) <= 0);

        schedule.Complete(10);

        Assert.Equal(Period - 10, schedule.Remaining(10));
        Assert.Equal(0, schedule.Remaining(Period));
    }

    [Fact]
    public void A_tick_that_ends_after_the_next_was_due_is_an_overrun_and_the_loop_catches_up()
    {
        var schedule = new TickSchedule(start: 0, Period, maxCatchUp: 10 * Period);

        var (overran, skipped) = schedule.Complete(3 * Period);

        Assert.True(overran);
        Assert.Equal(0, skipped);
        Assert.Equal(1, schedule.Tick);
        Assert.True(schedule.Remaining(3 * Period) < 0, "tick 1 is overdue and runs at once");
    }

    [Fact]
    public void Falling_further_behind_than_the_catch_up_limit_skips_ahead_and_says_how_far()
    {
        var schedule = new TickSchedule(start: 0, Period, maxCatchUp: 2 * Period);

        var (overran, skipped) = schedule.Complete(100 * Period + 7);

        Assert.True(overran);
        Assert.Equal(99, skipped);
        Assert.Equal(100, schedule.Tick);
        Assert.Equal(100 * Period + 7, schedule.DueAt(100));
        Assert.Equal(101 * Period + 7, schedule.DueAt(101));
    }
}
