using System.Net;
using TwinWorld.Net.Transport;
using TwinWorld.Net.Transport.Udp;

namespace TwinWorld.Bench.Net;

/// <summary>Our <see cref="UdpTransport"/>: a server and a client connected over loopback (or through a relay at <paramref name="via"/>), serviced by the benchmark's thread.</summary>
internal sealed class OurLink : IDisposable
{
    public OurLink(Func<int, int>? via = null)
    {
        Server = UdpTransport.Listen(IPAddress.Loopback, null, 0);
        Client = UdpTransport.Connect("127.0.0.1", via?.Invoke(Server.BoundPort) ?? Server.BoundPort);
        PeerId? client = null, server = null;
        while (client is null || server is null)
        {
            if (Client.TryService(1, out var c) && c.Kind == TransportEventKind.Connected)
            {
                client = c.Peer;
            }
            if (Server.TryService(0, out var s) && s.Kind == TransportEventKind.Connected)
            {
                server = s.Peer;
            }
        }
        (ClientSide, ServerSide) = (client.Value, server.Value);
    }

    public UdpTransport Server { get; }

    public UdpTransport Client { get; }

    public PeerId ClientSide { get; }

    public PeerId ServerSide { get; }

    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
    }
}
