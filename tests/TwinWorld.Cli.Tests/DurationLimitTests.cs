namespace TwinWorld.Cli.Tests;

/// <summary>A duration too long for any run, wherever it is typed, is refused in one line with exit 2, not a crash.</summary>
public class DurationLimitTests
{
    private static readonly string Tsunami = Path.Combine(AppContext.BaseDirectory, "Shipped", "coastal-tsunami.yaml");
    private static readonly string TooLong = Path.Combine(AppContext.BaseDirectory, "Broken", "duration-too-long.yaml");

    public static TheoryData<string[], string> Cases => new()
    {
        { ["run", TooLong, "--headless"], "duration-too-long.yaml:5:9: event at must be at most 100 days (got '300000000h')" },
        { ["run", Tsunami, "--headless", "--until", "1e300"], "--until must be at most 100 days (got '1e300')." },
        { ["run", Tsunami, "--headless", "--until", "1h60m"], "--until must have fewer than 60 minutes after the hours (got '1h60m')." },
        { ["run", Tsunami, "--headless", "--set", "arrival=300000000h"], "--set arrival=300000000h: the value must be at most 100 days" },
        { ["replay", "no-such.twinrec", "--to", "300000000h"], "--to must be a tick number or a time: the time must be at most 100 days" },
        { ["town", "--alert-after", "999999999999999999999s"], "--alert-after must be at most 100 days" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Exits_2_with_one_line_saying_so(string[] args, string expected)
    {
        var (exitCode, output, errors) = Twin.Run(args);

        Assert.True(exitCode == 2, $"exit {exitCode}\n{errors}{output}");
        Assert.Contains(expected, errors);
        Assert.DoesNotContain("Exception", errors + output);
    }
}
