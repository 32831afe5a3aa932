using System.Net.WebSockets;
using TwinWorld.Net.Transport;
using TwinWorld.Net.Transport.WebSockets;
using TwinWorld.Protocol.Wire;

namespace TwinWorld.Net.Tests.Web;

public class WebSocketBackpressureTests
{
    [Fact]
    public void A_socket_that_cannot_keep_up_keeps_the_newest_state_and_frames_and_counts_what_it_dropped()
    {
        using var transport = new WebSocketTransport();
        using var stream = new MemoryStream();
        using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true });
        // Nothing sends: the socket is as slow as can be.
        var connection = new WebSocketConnection(new PeerId(1), socket, transport.Drops);

        for (int i = 0; i < 3; i++)
        {
            Assert.True(connection.Enqueue(NetChannel.State, [1]));
        }
        for (int i = 0; i < 7; i++)
        {
            Assert.True(connection.Enqueue(NetChannel.Frames, [2]));
        }
        for (int i = 0; i < 20; i++)
        {
            Assert.True(connection.Enqueue(NetChannel.Control, [3]));
        }

        Assert.Equal(2, transport.Drops.States);   // of 3 updates the newest waits
        Assert.Equal(3, transport.Drops.Frames);   // of 7 frames the newest 4 wait
    }
}
