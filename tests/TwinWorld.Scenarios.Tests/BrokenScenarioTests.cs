using System.Text.RegularExpressions;
using TwinWorld.Scenarios.Loading;

namespace TwinWorld.Scenarios.Tests;

/// <summary>
/// Every file in Broken/ is wrong in one way, and says on its first line what the loader must report:
/// <c># expect: LINE:COLUMN message</c>. The loader must report it there (among any others), and
/// never throw.
/// </summary>
public partial class BrokenScenarioTests
{
    public static TheoryData<string> Broken => [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Broken"), "*.yaml").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_file_gets_its_message_at_its_line_and_column(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Broken", name);
        var expect = Expectation().Match(File.ReadLines(path).First());
        Assert.True(expect.Success, $"{name} must start with '# expect: LINE:COLUMN message'");
        int line = int.Parse(expect.Groups[1].Value);
        int column = int.Parse(expect.Groups[2].Value);
        string message = expect.Groups[3].Value;

        var load = ScenarioLoader.Load(path);

        Assert.False(load.Succeeded);
        Assert.True(
            load.Errors.Any(e => e.Line == line && e.Column == column && e.Message.Contains(message, StringComparison.Ordinal)),
            $"expected {line}:{column} '{message}'; got:\n{string.Join("\n", load.Errors)}");
        Assert.All(load.Errors, e => Assert.Equal(path, e.File));
    }

    [Fact]
    public void The_corpus_has_at_least_twenty_files()
    {
        Assert.True(Broken.Count >= 20, $"{Broken.Count} files");
    }

    [GeneratedRegex(@"^# expect: (\d+):(\d+) (.+)$")]
    private static partial Regex Expectation();
}
