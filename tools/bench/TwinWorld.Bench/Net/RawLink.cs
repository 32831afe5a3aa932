using System.Net;
using LiteNetLib;
using LiteNetLib.Utils;

namespace TwinWorld.Bench.Net;

/// <summary>
/// Raw LiteNetLib in manual mode, the baseline: a server and a client manager connected over loopback
/// (or through a relay at <paramref name="via"/>), serviced by the benchmark's thread, counting what arrives.
/// </summary>
internal sealed class RawLink : IDisposable
{
    private readonly EventBasedLiteNetListener _serverEvents = new(), _clientEvents = new();

    public RawLink(Func<int, int>? via = null)
    {
        Server = new LiteNetManager(_serverEvents) { IPv6Enabled = false };
        Client = new LiteNetManager(_clientEvents) { IPv6Enabled = false };
        _serverEvents.ConnectionRequestEvent += request => request.AcceptIfKey("bench");
        _serverEvents.PeerConnectedEvent += peer => ServerPeer = peer;
        _serverEvents.NetworkReceiveEvent += (peer, reader, method) => OnServerReceive?.Invoke(peer, reader);
        _clientEvents.NetworkReceiveEvent += (peer, reader, method) => OnClientReceive?.Invoke(peer, reader);
        Server.StartInManualMode(IPAddress.Loopback, IPAddress.IPv6Loopback, 0);
        Client.StartInManualMode(IPAddress.Loopback, IPAddress.IPv6Loopback, 0);
        int port = via?.Invoke(Server.LocalPort) ?? Server.LocalPort;
        var key = new NetDataWriter();
        key.Put("bench");
        ClientPeer = Client.Connect(new IPEndPoint(IPAddress.Loopback, port), key);
        while (ServerPeer is null || ClientPeer.ConnectionState != ConnectionState.Connected)
        {
            Pump();
            Thread.Sleep(1);
        }
    }

    public LiteNetManager Server { get; }

    public LiteNetManager Client { get; }

    public LiteNetPeer ClientPeer { get; }

    public LiteNetPeer? ServerPeer { get; private set; }

    public Action<LiteNetPeer, NetPacketReader>? OnServerReceive { get; set; }

    public Action<LiteNetPeer, NetPacketReader>? OnClientReceive { get; set; }

    /// <summary>Receives and updates both sides once, as our transport's TryService does.</summary>
    public void Pump()
    {
        Server.PollEvents();
        Server.ManualUpdate(0.05f);
        Client.PollEvents();
        Client.ManualUpdate(0.05f);
    }

    public void Dispose()
    {
        Client.Stop();
        Server.Stop();
    }
}
