using System.Globalization;
using System.Text.RegularExpressions;
using TwinWorld.TestSupport;

namespace TwinWorld.Cli.Tests;

/// <summary><c>twin bots</c> against the real server executable on a loopback port.</summary>
public class BotsCommandTests
{
    [Fact]
    public async Task Bots_join_a_running_server_walk_their_avatars_and_report_what_they_received()
    {
        using var server = await StartServer();

        var (exit, output, errors) = Twin.Run("bots", "--count", "4", "--server", $"127.0.0.1:{server.UdpPort}", "--token", "bot-player", "--seconds", "4", "--cameras", "2");

        Assert.True(exit == 0, output + errors);
        Assert.Contains("4 of 4 joined", output);
        Assert.Contains("as Player", output);
        Assert.InRange(Figure(output, "state updates/s"), 10, 25); // the server ticks at 20 Hz
        Assert.True(Figure(output, "received, KB/s") > 0.5, output);
        Assert.True(Figure(output, "round trip, ms") > 0, output);
        Assert.True(Figure(output, "avatar moved, m") > 0.5, output);
        // Each bot watches its own camera, as a player's page does, and its frames come.
        Assert.True(Figure(output, "frames/s") > 0, output);
        Assert.Contains("errors: 0", output);
        Assert.Contains("(bot-3) welcomed as Player", server.Output);
    }

    [Fact]
    public async Task A_bad_server_address_or_token_is_reported_plainly()
    {
        var (exit, _, errors) = Twin.Run("bots", "--count", "2", "--server", "localhost", "--token", "bot-player");
        Assert.Equal(2, exit);
        Assert.Contains("is not host:port", errors);

        using var server = await StartServer();
        var (refused, output, _) = Twin.Run("bots", "--count", "3", "--server", $"127.0.0.1:{server.UdpPort}", "--token", "no-such-token", "--seconds", "1");
        Assert.Equal(1, refused);
        Assert.Contains("0 of 3 joined", output);
        Assert.Contains("3 bot(s): BadToken", output);
    }

    [Fact]
    public async Task Bots_stop_as_soon_as_all_are_gone_and_say_why()
    {
        using var server = await StartServer();
        var (bots, output, errors) = Twin.Start("bots", "--count", "3", "--server", $"127.0.0.1:{server.UdpPort}", "--token", "bot-player", "--seconds", "600");
        using var _ = bots;
        Assert.True(await server.WaitForOutput("(bot-2) welcomed as Player", TimeSpan.FromSeconds(60)), server.Output);
        await Task.Delay(TimeSpan.FromSeconds(1));

        server.Terminate();

        Assert.True(bots.WaitForExit(TimeSpan.FromSeconds(60)), "twin bots ran on after every bot was gone");
        string report = await output + await errors;
        Assert.Equal(1, bots.ExitCode);
        Assert.Contains("All 3 bot(s) are gone after", report);
        Assert.Contains("3 bot(s): the server shut down", report);
    }

    private static async Task<ServerProcess> StartServer()
    {
        // The renderer makes the frames: the trained model's 256 x 256 frames for every bot's camera would take the two
        // cores the bots and the server share, and what is measured here is the bots' report, not the model.
        var server = new ServerProcess("--Network:BindAddress=127.0.0.1", "--World:Size=128", "--World:Agents=300", "--Network:Tokens:bot-player=player",
            "--Generation:Model=");
        await server.WaitForUdpPort(TimeSpan.FromSeconds(60));
        return server;
    }

    /// <summary>The mean column of a row of the final table.</summary>
    private static double Figure(string output, string row)
    {
        var match = Regex.Match(output, Regex.Escape(row) + @"[^│|\n]*[│|]\s*([0-9.]+)");
        Assert.True(match.Success, $"no '{row}' row in:\n{output}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
