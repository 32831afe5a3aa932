using System.Numerics;
using TwinWorld.Protocol.V1;
using TwinWorld.Replay.Replaying;
using TwinWorld.Replay.Runs;
using TwinWorld.Simulation.Commands;
using Sim = TwinWorld.Simulation.Inputs;

namespace TwinWorld.Net.Tests;

/// <summary>A server hosting a scenario records its session, players and authors included, and the recording replays bit for bit.</summary>
public sealed class ServerRecordingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("server-recording-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_servers_session_with_a_player_and_an_author_is_recorded_and_replays_with_every_hash_verified()
    {
        var server = new LiveServer(
            $"--World:Scenario={Path.Combine(AppContext.BaseDirectory, "Shipped", "tornado-town.yaml")}",
            "--World:Parameters:speed=20",
            $"--Recording:Folder={_folder}",
            "--Recording:SnapshotEverySeconds=2");
        await server.InitializeAsync();
        using (var player = await server.Join(LiveServer.Player, "player"))
        using (var author = await server.Join(LiveServer.Author, "author"))
        {
            player.Steer(Vector2.UnitX);
            var fire = await author.SendCommandAsync(new AuthorCommand { World = new WorldCommand { Fire = new IgniteFire { At = new Point { X = 752, Y = 520 }, Radius = 6, Name = "author-fire" } } });
            await author.WaitForStateAsync((long)fire.Tick + 40);
        }
        // Stopping the host is Ctrl+C's path: the tick loop stops, then the recorder writes its end record.
        await server.DisposeAsync();

        string file = Assert.Single(Directory.GetFiles(_folder, "tornado-town-*.twrec"));
        using var recording = RunRecording.Open(file);
        Assert.NotNull(recording.End);
        Assert.Null(recording.Tail);
        Assert.Equal("20", recording.Header.Overrides["speed"]);
        var inputs = recording.Ticks.SelectMany(t => t.Inputs).ToList();
        Assert.Contains(inputs, i => i is Sim.PlayerPresenceInput { Presence.KindCase: PlayerPresence.KindOneofCase.Avatar });
        Assert.Contains(inputs, i => i is Sim.PlayerCommandInput { Command.Signal: not null, From: not null });
        Assert.Contains(inputs, i => i is CommandInput { Command.Fire.Name: "author-fire", From: not null });

        var result = new Replayer(recording, workers: 1).ReplayTo(recording.LastTick + 1);

        Assert.True(result.Verified, result.Divergence?.ToString());
        Assert.Equal(recording.Ticks.Count, result.TicksVerified);
    }
}
