using System.Diagnostics;
using System.Net;
using TwinWorld.Net.Transport;

namespace TwinWorld.Net.Tests;

/// <summary>The real libenet7 over loopback: what is sent on each channel arrives intact, on that channel.</summary>
public class EnetTransportTests
{
    [Fact]
    public void The_linked_library_is_enet_1_3()
        => Assert.StartsWith("1.3.", EnetTransport.LibraryVersion);

    [Fact]
    public void Packets_on_all_three_channels_arrive_intact_both_ways()
    {
        using var server = EnetTransport.Listen(IPAddress.Loopback, 0, maxPeers: 4);
        Assert.NotEqual(0, server.BoundPort);
        using var client = EnetTransport.Connect("127.0.0.1", server.BoundPort);

        var (clientSide, serverSide) = Connect(client, server);
        // A frame-sized packet is far over the MTU: it travels in unreliable fragments.
        var frame = new byte[150_000];
        new Random(1).NextBytes(frame);
        Assert.True(server.Send(serverSide, NetChannel.Control, "hello"u8));
        Assert.True(server.Send(serverSide, NetChannel.State, [1, 2, 3]));
        Assert.True(server.Send(serverSide, NetChannel.Frames, frame));
        Assert.True(client.Send(clientSide, NetChannel.Control, "hi"u8));

        var (atClient, atServer) = Drain(client, 3, server, 1);

        Assert.Equal("hello"u8.ToArray(), atClient.Single(e => e.Channel == NetChannel.Control).Data);
        Assert.Equal([1, 2, 3], atClient.Single(e => e.Channel == NetChannel.State).Data);
        Assert.Equal(frame, atClient.Single(e => e.Channel == NetChannel.Frames).Data);
        Assert.Equal("hi"u8.ToArray(), atServer.Single().Data);
        Assert.Equal(serverSide, atServer.Single().Peer);
    }

    [Fact]
    public void A_disconnect_reaches_the_other_side_and_the_peer_is_gone()
    {
        using var server = EnetTransport.Listen(IPAddress.Loopback, 0, maxPeers: 4);
        using var client = EnetTransport.Connect("127.0.0.1", server.BoundPort);
        var (clientSide, serverSide) = Connect(client, server);

        client.Disconnect(clientSide);
        var events = new List<TransportEvent>();
        var clock = Stopwatch.StartNew();
        while (!events.Any(e => e.Kind == TransportEventKind.Disconnected) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            Pump(client, events: null);
            Pump(server, events);
        }

        Assert.Equal(serverSide, events.Single(e => e.Kind == TransportEventKind.Disconnected).Peer);
        Assert.False(server.Send(serverSide, NetChannel.Control, [1]));
    }

    [Fact]
    public void Listening_on_a_port_already_taken_is_a_clear_error()
    {
        using var first = EnetTransport.Listen(IPAddress.Loopback, 0, maxPeers: 1);

        var error = Assert.Throws<IOException>(() => EnetTransport.Listen(IPAddress.Loopback, first.BoundPort, maxPeers: 1));
        Assert.Contains("in use", error.Message);
    }

    internal static (PeerId Client, PeerId Server) Connect(EnetTransport client, EnetTransport server)
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

    private static (List<TransportEvent> A, List<TransportEvent> B) Drain(EnetTransport a, int countA, EnetTransport b, int countB)
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

    private static void Pump(EnetTransport transport, List<TransportEvent>? events)
    {
        while (transport.TryService(1, out var e))
        {
            events?.Add(e);
        }
    }
}
