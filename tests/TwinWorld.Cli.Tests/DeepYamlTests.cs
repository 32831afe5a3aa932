namespace TwinWorld.Cli.Tests;

/// <summary>YAML nested 30,000 deep once overflowed the stack (exit 134, 49k lines of trace): now one line at the level too deep.</summary>
public sealed class DeepYamlTests : IDisposable
{
    private static readonly string Brackets = new string('[', 30_000) + new string(']', 30_000);

    private readonly string _folder = Directory.CreateTempSubdirectory("twinworld-deep-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_scenario_file_exits_2_with_one_line()
    {
        string file = Path.Combine(_folder, "deep.yaml");
        File.WriteAllText(file, $"scenario: deep\nmetrics: {Brackets}\n");

        var (exitCode, output, errors) = Twin.Run("run", file, "--headless");

        Assert.True(exitCode == 2, $"exit {exitCode}\n{errors}{output}");
        Assert.Contains($"{file}:2:73: nested more than 64 levels deep", errors);
        Assert.True(errors.Split('\n').Length < 5, errors);
    }

    [Fact]
    public void A_line_typed_into_a_live_run_is_an_error_and_the_run_goes_on()
    {
        string shipped = Path.Combine(AppContext.BaseDirectory, "Shipped", "wildfire-wui.yaml");

        var (exitCode, output, errors) = Twin.RunWithInput($"fire: {{at: {Brackets}}}\n", "run", shipped, "--speed", "20", "--until", "5s");

        Assert.True(exitCode == 0, errors + output);
        Assert.Contains("live:1:74: nested more than 64 levels deep", output);
        Assert.Contains("The run stopped at 0m05s (the time limit)", output);
    }
}
