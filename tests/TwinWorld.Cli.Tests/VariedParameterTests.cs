using TwinWorld.Cli.Sweeps;

namespace TwinWorld.Cli.Tests;

public class VariedParameterTests
{
    [Theory]
    [InlineData("wind_speed=0..30:4", "wind_speed", "0|10|20|30")]
    [InlineData("x=0..1:11", "x", "0|0.1|0.2|0.3|0.4|0.5|0.6|0.7|0.8|0.9|1")]
    [InlineData("x=-5..5:3", "x", "-5|0|5")]
    [InlineData("x=2.5..1.5:2", "x", "2.5|1.5")]
    [InlineData("warning_delay=0s..10m:3", "warning_delay", "0m00s|5m00s|10m00s")]
    [InlineData("delay=1m..2m:3", "delay", "1m00s|1m30s|2m00s")]
    [InlineData("delay=0s..5s:3", "delay", "0s|2.5s|5s")]
    [InlineData("delay=30..2m:4", "delay", "0m30s|1m00s|1m30s|2m00s")]      // plain numbers are seconds, as in durations
    [InlineData("wave_height=1,2,5", "wave_height", "1|2|5")]
    [InlineData(" shelter = north , south ", "shelter", "north|south")]
    [InlineData("wave_height=6", "wave_height", "6")]
    public void Ranges_spread_evenly_with_both_ends_and_lists_keep_their_values(string text, string name, string values)
    {
        var varied = VariedParameter.Parse(text, out string? error);

        Assert.Null(error);
        Assert.NotNull(varied);
        Assert.Equal(name, varied.Name);
        Assert.Equal(values.Split('|'), varied.Values);
    }

    [Theory]
    [InlineData("wind_speed", "--vary wind_speed: write it as name=a..b:steps")]
    [InlineData("=1,2", "--vary =1,2: write it as")]
    [InlineData("wind_speed=", "--vary wind_speed=: write it as")]
    [InlineData("wind_speed=1..5", "'1..5' is not a range")]
    [InlineData("wind_speed=1..5:1", "'1..5:1' is not a range")]
    [InlineData("wind_speed=1..5:two", "'1..5:two' is not a range")]
    [InlineData("wind_speed=a..b:3", "'a..b:3' is not a range")]
    [InlineData("wind_speed=1s..ten:3", "'1s..ten:3' is not a range")]
    [InlineData("wind_speed=1,,2", "a value in the list is empty")]
    [InlineData("wind_speed=5,10,5", "5 and 5 are the same value")]
    [InlineData("wind_speed=10,10.0", "10 and 10.0 are the same value")]
    [InlineData("delay=60s,1m", "60s and 1m are the same value")]
    [InlineData("wind_speed=5..5:3", "5 and 5 and 5 are the same value")]
    public void Malformed_values_say_how_to_write_them(string text, string expected)
    {
        Assert.Null(VariedParameter.Parse(text, out string? error));
        Assert.Contains(expected, error);
        Assert.Contains(VariedParameter.Forms, error);
    }

    [Fact]
    public void Variants_are_every_combination_the_first_vary_changing_slowest()
    {
        var variants = Variant.Combine([new VariedParameter("a", ["1", "2"]), new VariedParameter("b", ["x", "y", "z"])]);

        Assert.Equal(["a=1, b=x", "a=1, b=y", "a=1, b=z", "a=2, b=x", "a=2, b=y", "a=2, b=z"], variants.Select(v => v.ToString()));
        Assert.Equal(["v1", "v2", "v3", "v4", "v5", "v6"], variants.Select(v => v.Label));
        Assert.Single(Variant.Combine([]));
    }
}
