namespace TwinWorld.Simulation.Tests;

public class DurationTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("1.5h", 5400)]
    [InlineData("1h30m", 5400)]
    [InlineData("2m30s", 150)]
    [InlineData("1h59m59s", 7199)]
    [InlineData("45", 45)]
    [InlineData("2400h", 8640000)]
    public void Parses_what_people_type(string text, double seconds)
    {
        Assert.True(Duration.TryParse(text, out var duration, out string? problem), problem);
        Assert.Equal(seconds, duration.TotalSeconds);
    }

    [Theory]
    [InlineData("soon", "must be a duration such as 90s, 10m or 1h30m (got 'soon')")]
    [InlineData("10x", "must be a duration such as")]
    [InlineData("m10", "must be a duration such as")]
    [InlineData("30m1h", "must be a duration such as")]
    [InlineData("", "must be a duration such as")]
    [InlineData("-5", "must be a duration of 0 or more")]
    [InlineData("NaN", "must be a duration of 0 or more")]
    [InlineData("1h60m", "fewer than 60 minutes after the hours")]
    [InlineData("1m60s", "fewer than 60 seconds after the minutes")]
    [InlineData("2400h1s", "must be at most 100 days (got '2400h1s')")]
    [InlineData("300000000h", "must be at most 100 days")]
    [InlineData("999999999999999999999s", "must be at most 100 days")]
    [InlineData("1e300", "must be at most 100 days")]
    [InlineData("Infinity", "must be at most 100 days")]
    public void Refuses_anything_else_saying_why(string text, string why)
    {
        Assert.False(Duration.TryParse(text, out _, out string? problem));
        Assert.Contains(why, problem, StringComparison.Ordinal);
    }
}
