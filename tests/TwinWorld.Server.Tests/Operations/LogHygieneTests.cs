using TwinWorld.Client;
using TwinWorld.Protocol.V1;
using TwinWorld.TestSupport;

namespace TwinWorld.Server.Tests.Operations;

/// <summary>What clients send reaches the log escaped: a name with ESC and CR cannot recolour the terminal or forge a line.</summary>
public sealed class LogHygieneTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const string Forger = "evil\u001b[31m\r\n12:00:00.000 info: forged";

    [Fact]
    public async Task Client_names_and_the_text_of_their_commands_are_logged_with_control_characters_escaped()
    {
        using var server = new ServerProcess("--World:Size=128", "--World:Agents=10", "--Network:BindAddress=127.0.0.1");
        Assert.True(await server.WaitForOutput("Web viewer at http://127.0.0.1:", Patience), server.Output);
        int port = server.UdpPort;

        using (var author = await TwinClient.ConnectAsync("127.0.0.1", port, "dev-author", Forger))
        {
            await author.JoinAsync();
            // Stopping a hazard that does not exist is refused at the tick, and the refusal quotes the name.
            await author.SendCommandAsync(new AuthorCommand { World = new WorldCommand { Stop = new StopHazard { Name = Forger } } });
            Assert.True(await server.WaitForOutput("forged' ", Patience), server.Output);
        }
        server.Interrupt();
        Assert.Equal(0, await server.WaitForExit(Patience));

        string escaped = @"evil\u001b[31m\u000d\u000a12:00:00.000 info: forged";
        Assert.Contains($"({escaped}) welcomed as Author", server.Output);
        Assert.Contains($"'{escaped}'", server.Output);
        Assert.DoesNotContain("\u001b", server.Output);
        Assert.DoesNotContain("\n12:00:00.000 info: forged", server.Output);
    }
}
