namespace TwinWorld.Cli.Tests;

/// <summary>Bad usage is refused like any other bad input: exit 2, a line per problem and where to read more, not the whole help.</summary>
public class UsageTests
{
    [Theory]
    [InlineData("Required argument 'recording' missing", "'twin replay --help' lists the options.", "replay")]
    [InlineData("--lanes must be between 1 and 256 (got 0)", "'twin replay --help' lists the options.", "replay", "x.twrec", "--lanes", "0")]
    [InlineData("Unrecognized command or argument 'nonsense'", "'twin --help' lists the commands.", "nonsense")]
    public void Bad_usage_exits_2_with_the_problem_and_where_the_options_are(string problem, string pointer, params string[] args)
    {
        var (exitCode, output, errors) = Twin.Run(args);

        Assert.Equal(2, exitCode);
        Assert.Contains(problem, errors);
        Assert.Contains(pointer, errors);
        Assert.DoesNotContain("Description:", output + errors);
    }

    [Fact]
    public void Help_is_not_an_error()
    {
        var (exitCode, output, _) = Twin.Run("replay", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Re-simulate a recording", output);
    }
}
