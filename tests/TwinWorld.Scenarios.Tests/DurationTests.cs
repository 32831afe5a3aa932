namespace TwinWorld.Scenarios.Tests;

public class DurationTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("1.5h", 5400)]
    [InlineData("1h30m", 5400)]
    [InlineData("2m30s", 150)]
    [InlineData("45", 45)]
    public void Parses_what_people_type(string text, double seconds)
    {
        Assert.True(Duration.TryParse(text, out var duration));
        Assert.Equal(seconds, duration.TotalSeconds);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("10x")]
    [InlineData("-5")]
    [InlineData("m10")]
    [InlineData("")]
    public void Refuses_anything_else(string text) => Assert.False(Duration.TryParse(text, out _));
}
