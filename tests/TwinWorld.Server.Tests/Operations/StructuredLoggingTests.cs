using TwinWorld.TestSupport;
namespace TwinWorld.Server.Tests.Operations;

/// <summary>Logging:Format=json: every console line is one JSON object a log collector can parse, with the message's properties.</summary>
public sealed class StructuredLoggingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Json_logging_writes_one_json_object_per_line()
    {
        using var server = new ServerProcess("--Logging:Format=json", "--World:Size=128", "--World:Agents=10");
        Assert.True(await server.WaitForOutput("Web viewer at http://127.0.0.1:", Patience), server.Output);
        server.Interrupt();
        Assert.Equal(0, await server.WaitForExit(Patience));

        var lines = server.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var entries = lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(entries, e => e.GetProperty("Category").GetString() == "TwinWorld.Server.Ticking.TickLoop"
            && e.GetProperty("Message").GetString()!.StartsWith("Ticking the procedural town at 20 Hz", StringComparison.Ordinal)
            && e.GetProperty("State").GetProperty("RateHz").GetDouble() == 20
            && e.GetProperty("LogLevel").GetString() == "Information"
            && e.TryGetProperty("Timestamp", out _));
    }
}
