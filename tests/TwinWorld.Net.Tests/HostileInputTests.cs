using System.Diagnostics;
using Google.Protobuf;
using TwinWorld.Client;
using TwinWorld.Net.Transport;
using TwinWorld.Protocol.V1;
using TwinWorld.Protocol.Wire;

namespace TwinWorld.Net.Tests;

/// <summary>Whatever a client sends, it gets an error code (and, if it keeps on, a disconnect); the server and everyone else carry on.</summary>
public class HostileInputTests(LiveServer server) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task Malformed_oversized_misrouted_and_server_only_messages_get_their_codes()
    {
        using var client = await server.Join(LiveServer.Viewer, "hostile");

        client.SendRaw(NetChannel.Control, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]);
        await SessionTests.WaitForError(client, ErrorCode.Malformed);
        client.SendRaw(NetChannel.Control, []);
        client.SendRaw(NetChannel.Control, new byte[20_000]);
        await SessionTests.WaitForError(client, ErrorCode.TooLarge);
        client.Send(NetChannel.State, new Envelope { HashQuery = new StateHashQuery() });
        await SessionTests.WaitForError(client, ErrorCode.WrongChannel);
        client.Send(NetChannel.Control, new Envelope { Welcome = new Welcome { Role = Role.Admin } });
        await SessionTests.WaitForError(client, ErrorCode.UnexpectedMessage);
        // An unknown field number in the oneof's place parses as an empty envelope.
        client.SendRaw(NetChannel.Control, [0xFA, 0x3E, 0x00]);

        await SessionTests.WaitUntil(() => client.Errors.Count(e => e.Code == ErrorCode.Malformed) >= 3);
        Assert.True(client.IsConnected);
        var reply = await client.QueryStateHashAsync();
        await client.WaitForStateAsync((long)reply.Tick);
        Assert.Equal(reply.ViewHash, client.FindView((long)reply.Tick)!.ComputeHash());
    }

    [Fact]
    public async Task A_forged_acknowledgement_of_a_future_tick_does_not_break_the_stream()
    {
        using var client = await server.Join(LiveServer.Viewer, "forger");
        var now = await client.WaitForStateAsync();

        client.Send(NetChannel.State, new Envelope { StateAck = new StateAck { Tick = (ulong)now.Tick + 1000 } });
        var later = await client.WaitForStateAsync(now.Tick + 10);

        var reply = await client.QueryStateHashAsync(later.Tick);
        Assert.Equal(reply.ViewHash, client.FindView(later.Tick)!.ComputeHash());
    }

    [Fact]
    public async Task A_flood_is_rate_limited_then_disconnected_and_other_clients_carry_on()
    {
        using var bystander = await server.Join(LiveServer.Viewer, "bystander");
        using var flooder = await server.Join(LiveServer.Viewer, "flooder");
        byte[] ping = new Envelope { Ping = new Ping() }.ToByteArray();

        for (int i = 0; i < 5000 && flooder.IsConnected; i++)
        {
            flooder.SendRaw(NetChannel.Control, ping);
            if (i % 500 == 0)
            {
                await Task.Delay(5);
            }
        }

        await SessionTests.WaitForError(flooder, ErrorCode.RateLimited);
        await SessionTests.WaitUntil(() => !flooder.IsConnected);
        var before = bystander.Latest!.Tick;
        var after = await bystander.WaitForStateAsync(before + 10);
        var reply = await bystander.QueryStateHashAsync(after.Tick);
        Assert.Equal(reply.ViewHash, bystander.FindView(after.Tick)!.ComputeHash());
    }

    [Fact]
    public async Task A_connection_that_keeps_sending_garbage_is_disconnected()
    {
        using var client = await TwinClient.ConnectRawAsync("127.0.0.1", server.Port);

        for (int i = 0; i < 60; i++)
        {
            client.SendRaw(NetChannel.Control, [0x08, 0x96]); // a varint cut short
        }

        await SessionTests.WaitUntil(() => !client.IsConnected);
        Assert.True(client.Errors.Count(e => e.Code == ErrorCode.Malformed) >= 50);
    }
}
