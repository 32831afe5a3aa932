using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LiteNetLib;
using LiteNetLib.Utils;
using TwinWorld.Net.Transport;
using TwinWorld.Net.Transport.Udp;
using TwinWorld.Protocol.Wire;

namespace TwinWorld.Net.Tests;

/// <summary>The real LiteNetLib over loopback, IPv4 and IPv6: what is sent on each channel arrives intact, on that channel; strangers are refused.</summary>
public class UdpTransportTests
{
    [Fact]
    public void The_library_is_litenetlib_2_1_5()
        => Assert.Equal("2.1.5", UdpTransport.LibraryVersion);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void Packets_on_all_three_channels_arrive_intact_both_ways(string host)
    {
        using var server = UdpTransport.Listen(IPAddress.Loopback, IPAddress.IPv6Loopback, 0);
        Assert.NotEqual(0, server.BoundPort);
        using var client = UdpTransport.Connect(host, server.BoundPort);

        var (clientSide, serverSide) = Connect(client, server);
        // A frame-sized message is far over a datagram: it travels in chunks, as does a large state update.
        var frame = new byte[40_000];
        new Random(1).NextBytes(frame);
        var state = new byte[5_000];
        new Random(2).NextBytes(state);
        Assert.True(server.Send(serverSide, NetChannel.Control, "hello"u8));
        Assert.True(server.Send(serverSide, NetChannel.State, state));
        Assert.True(server.Send(serverSide, NetChannel.Frames, frame));
        Assert.True(client.Send(clientSide, NetChannel.Control, "hi"u8));
        Assert.True(client.Send(clientSide, NetChannel.State, [1, 2, 3]));

        var (atClient, atServer) = Drain(client, 3, server, 2);

        Assert.Equal("hello"u8.ToArray(), atClient.Single(e => e.Channel == NetChannel.Control).Data);
        Assert.Equal(state, atClient.Single(e => e.Channel == NetChannel.State).Data);
        Assert.Equal(frame, atClient.Single(e => e.Channel == NetChannel.Frames).Data);
        Assert.Equal("hi"u8.ToArray(), atServer.Single(e => e.Channel == NetChannel.Control).Data);
        Assert.Equal([1, 2, 3], atServer.Single(e => e.Channel == NetChannel.State).Data);
        Assert.All(atServer, e => Assert.Equal(serverSide, e.Peer));
    }

    [Fact]
    public void A_frame_is_refused_while_the_last_is_still_queued_and_taken_once_it_is_on_its_way()
    {
        using var server = UdpTransport.Listen(IPAddress.Loopback, null, 0);
        using var client = UdpTransport.Connect("127.0.0.1", server.BoundPort);
        var (_, serverSide) = Connect(client, server);
        var older = new byte[30_000];
        var newer = new byte[30_000];
        newer[0] = 1;

        Assert.True(server.Send(serverSide, NetChannel.Frames, older));
        Assert.False(server.Send(serverSide, NetChannel.Frames, newer)); // not sent yet: the caller keeps it
        server.Flush();
        Assert.True(server.Send(serverSide, NetChannel.Frames, newer));
        var (atClient, _) = Drain(client, 2, server, 0);

        Assert.Equal([older, newer], atClient.Select(e => e.Data).OrderBy(d => d[0]));
        Assert.All(atClient, e => Assert.Equal(NetChannel.Frames, e.Channel));
    }

    [Fact]
    public void An_empty_message_arrives_empty_on_every_channel()
    {
        using var server = UdpTransport.Listen(IPAddress.Loopback, null, 0);
        using var client = UdpTransport.Connect("127.0.0.1", server.BoundPort);
        var (clientSide, _) = Connect(client, server);

        Assert.True(client.Send(clientSide, NetChannel.Control, []));
        Assert.True(client.Send(clientSide, NetChannel.State, []));
        Assert.True(client.Send(clientSide, NetChannel.Frames, []));
        var (_, atServer) = Drain(client, 0, server, 3);

        Assert.Equal([NetChannel.Control, NetChannel.State, NetChannel.Frames], atServer.Select(e => e.Channel).Order());
        Assert.All(atServer, e => Assert.Empty(e.Data));
    }

    [Fact]
    public void A_disconnect_reaches_the_other_side_and_the_peer_is_gone()
    {
        using var server = UdpTransport.Listen(IPAddress.Loopback, null, 0);
        using var client = UdpTransport.Connect("127.0.0.1", server.BoundPort);
        var (clientSide, serverSide) = Connect(client, server);

        client.Disconnect(clientSide);
        var events = PumpUntil(client, server, e => e.Kind == TransportEventKind.Disconnected, TimeSpan.FromSeconds(10));

        Assert.Equal(serverSide, events.Single(e => e.Kind == TransportEventKind.Disconnected).Peer);
        Assert.False(server.Send(serverSide, NetChannel.Control, [1]));
    }

    [Fact]
    public void A_refusal_sent_before_disconnecting_arrives_before_the_disconnect()
    {
        using var server = UdpTransport.Listen(IPAddress.Loopback, null, 0);
        using var client = UdpTransport.Connect("127.0.0.1", server.BoundPort);
        var (_, serverSide) = Connect(client, server);

        var refusal = new byte[3_000]; // fragmented: every fragment must be delivered first
        Assert.True(server.Send(serverSide, NetChannel.Control, refusal));
        server.Disconnect(serverSide);
        var atClient = PumpUntil(server, client, e => e.Kind == TransportEventKind.Disconnected, TimeSpan.FromSeconds(10));

        Assert.Equal([TransportEventKind.Received, TransportEventKind.Disconnected], atClient.Select(e => e.Kind));
        Assert.Equal(refusal, atClient[0].Data);
    }

    [Fact]
    public void A_killed_client_is_dropped_after_the_disconnect_timeout()
    {
        // The default is what README and protocol/README.md state; the test uses a short one to stay quick.
        Assert.Equal(TimeSpan.FromSeconds(5), UdpOptions.DefaultDisconnectTimeout);
        Assert.Equal(UdpOptions.DefaultDisconnectTimeout, new TwinWorld.Net.Sessions.NetServerOptions().PeerTimeout);
        var options = new UdpOptions { DisconnectTimeout = TimeSpan.FromMilliseconds(500) };
        using var server = UdpTransport.Listen(IPAddress.Loopback, null, 0, options);
        // A client in manual mode sends nothing unless serviced: once connected, it is as good as killed.
        using var killed = UdpTransport.Connect("127.0.0.1", server.BoundPort, options);
        var (_, killedSide) = Connect(killed, server);

        var events = new List<TransportEvent>();
        var clock = Stopwatch.StartNew();
        while (!events.Any(e => e.Kind == TransportEventKind.Disconnected) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            Pump(server, events);
        }

        Assert.Equal(killedSide, events.Single(e => e.Kind == TransportEventKind.Disconnected).Peer);
        Assert.Equal(1, server.Counts.PeerTimedOut);
    }

    [Theory]
    [InlineData("someone-else/1")]
    [InlineData("twinworld/0")]
    [InlineData("")]
    public void A_request_with_the_wrong_key_is_refused_and_told_the_key(string wrongKey)
    {
        var key = new NetDataWriter();
        key.Put(wrongKey);
        AssertRefusedWithTheKey(key.AsReadOnlySpan().ToArray());
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3 })] // a string length far past the data
    [InlineData(new byte[] { 7, 0, 0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28 })] // not UTF-8
    public void A_request_with_garbage_for_its_key_is_refused_the_same_way(byte[] data) => AssertRefusedWithTheKey(data);

    private static void AssertRefusedWithTheKey(byte[] connectionData)
    {
        using var server = UdpTransport.Listen(IPAddress.Loopback, null, 0);
        var listener = new EventBasedLiteNetListener();
        DisconnectInfo? refused = null;
        string reason = "";
        listener.PeerDisconnectedEvent += (_, info) =>
        {
            refused = info;
            reason = System.Text.Encoding.UTF8.GetString(info.AdditionalData.GetRemainingBytes());
        };
        var stranger = new LiteNetManager(listener);
        stranger.StartInManualMode(0);
        stranger.Connect(new IPEndPoint(IPAddress.Loopback, server.BoundPort), connectionData);

        var clock = Stopwatch.StartNew();
        while (refused is null && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            stranger.PollEvents();
            stranger.ManualUpdate(1);
            Pump(server, events: null);
        }
        stranger.Stop();

        Assert.Equal(DisconnectReason.ConnectionRejected, refused?.Reason);
        Assert.Equal($"key: {UdpWire.Key}", reason);
        Assert.Equal(1, server.Counts.WrongKey);
    }

    [Fact]
    public void Garbage_datagrams_and_malformed_chunks_are_dropped_and_the_connection_carries_on()
    {
        using var server = UdpTransport.Listen(IPAddress.Loopback, null, 0);
        using var client = UdpTransport.Connect("127.0.0.1", server.BoundPort);
        var (clientSide, _) = Connect(client, server);
        using var raw = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var random = new Random(7);
        for (int i = 0; i < 2000; i++)
        {
            var datagram = new byte[random.Next(0, 1500)];
            random.NextBytes(datagram);
            raw.Send(datagram, new IPEndPoint(IPAddress.Loopback, server.BoundPort));
        }
        Pump(server, events: null);

        Assert.True(client.Send(clientSide, NetChannel.Control, "still here"u8));
        var (_, atServer) = Drain(client, 0, server, 1);
        Assert.Equal("still here"u8.ToArray(), atServer.Single().Data);
    }

    [Fact]
    public void Listening_on_a_port_already_taken_is_a_clear_error()
    {
        using var first = UdpTransport.Listen(IPAddress.Loopback, null, 0);

        var error = Assert.Throws<IOException>(() => UdpTransport.Listen(IPAddress.Loopback, null, first.BoundPort));
        Assert.Contains("in use", error.Message);
    }

    internal static (PeerId Client, PeerId Server) Connect(UdpTransport client, UdpTransport server)
    {
        PeerId? atClient = null, atServer = null;
        var clock = Stopwatch.StartNew();
        while ((atClient is null || atServer is null) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (client.TryService(1, out var c) && c.Kind == TransportEventKind.Connected)
            {
                atClient = c.Peer;
            }
            if (server.TryService(1, out var s) && s.Kind == TransportEventKind.Connected)
            {
                atServer = s.Peer;
            }
        }
        Assert.True(atClient is not null && atServer is not null, "the two sides connect");
        return (atClient!.Value, atServer!.Value);
    }

    private static (List<TransportEvent> A, List<TransportEvent> B) Drain(UdpTransport a, int countA, UdpTransport b, int countB)
    {
        var (atA, atB) = (new List<TransportEvent>(), new List<TransportEvent>());
        var clock = Stopwatch.StartNew();
        while ((atA.Count < countA || atB.Count < countB) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            Pump(a, atA);
            Pump(b, atB);
        }
        return (atA, atB);
    }

    /// <summary>Services both until <paramref name="watched"/> has an event matching <paramref name="until"/>; its events in order.</summary>
    private static List<TransportEvent> PumpUntil(UdpTransport other, UdpTransport watched, Func<TransportEvent, bool> until, TimeSpan limit)
    {
        var events = new List<TransportEvent>();
        var clock = Stopwatch.StartNew();
        while (!events.Any(until) && clock.Elapsed < limit)
        {
            Pump(other, events: null);
            Pump(watched, events);
        }
        return events;
    }

    private static void Pump(UdpTransport transport, List<TransportEvent>? events)
    {
        while (transport.TryService(1, out var e))
        {
            events?.Add(e);
        }
    }
}
