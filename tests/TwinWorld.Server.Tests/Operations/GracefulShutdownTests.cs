using System.Diagnostics;
using TwinWorld.Client;
using TwinWorld.Protocol.V1;
using TwinWorld.Replay.Runs;
using TwinWorld.TestSupport;

namespace TwinWorld.Server.Tests.Operations;

/// <summary>Ctrl+C and SIGTERM on the real server process: clients are told, the recording is finished, exit 0 within 5 s.</summary>
public sealed class GracefulShutdownTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("shutdown-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("SIGTERM")]
    [InlineData("SIGINT")]
    public async Task Stopping_tells_connected_clients_finishes_the_recording_and_exits_0_within_5_s(string signal)
    {
        string scenario = Path.Combine(AppContext.BaseDirectory, "Shipped", "tornado-town.yaml");
        using var server = new ServerProcess($"--World:Scenario={scenario}", $"--Recording:Folder={_folder}", "--Network:BindAddress=127.0.0.1");
        Assert.True(await server.WaitForOutput("Web viewer at http://127.0.0.1:", Patience), server.Output);
        int port = server.UdpPort;
        using var client = await TwinClient.ConnectAsync("127.0.0.1", port, "dev-viewer", "watcher");
        await client.JoinAsync();
        await client.WaitForStateAsync();

        var stopping = Stopwatch.StartNew();
        if (signal == "SIGTERM")
        {
            server.Terminate();
        }
        else
        {
            server.Interrupt();
        }
        int exitCode = await server.WaitForExit(Patience);
        var took = stopping.Elapsed;

        Assert.Equal(0, exitCode);
        Assert.True(took < TimeSpan.FromSeconds(5), $"took {took.TotalSeconds:F2} s to exit");
        Console.WriteLine($"{signal}: exited in {took.TotalMilliseconds:F0} ms");
        var deadline = Stopwatch.StartNew();
        while (client.IsConnected && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }
        Assert.True(client.ServerShuttingDown, string.Join("; ", client.Errors.Select(e => $"{e.Code} {e.Message}")));
        Assert.Contains(client.Errors, e => e.Code == ErrorCode.ShuttingDown);
        Assert.False(client.IsConnected);
        string file = Assert.Single(Directory.GetFiles(_folder, "tornado-town-*.twrec"));
        using var recording = RunRecording.Open(file);
        Assert.NotNull(recording.End);
        Assert.Null(recording.Tail);
    }
}
