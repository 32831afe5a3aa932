using System.Net;
using LiteNetLib;
using LiteNetLib.Utils;
using TwinWorld.Net.Transport.Udp;
using TwinWorld.Protocol.Wire;

namespace TwinWorld.Net.Tests;

/// <summary>
/// Many LiteNetLib connections that never say Hello, each from its own port of the addresses given
/// (127.x.y.z: Linux routes all of 127/8 to loopback), serviced on a thread of their own. One not answered
/// asks every 100 ms; with <paramref name="reconnect"/>, one refused or closed asks again at once, as a flood would.
/// </summary>
internal sealed class ConnectionCrowd : IDisposable
{
    private readonly List<LiteNetManager> _managers = [];
    private readonly IPEndPoint _server;
    private readonly NetDataWriter _key = new();
    private readonly Thread _thread;
    private volatile bool _stopping;
    private int _connected;

    public ConnectionCrowd(int port, IEnumerable<IPAddress> sources, bool reconnect)
    {
        _server = new IPEndPoint(IPAddress.Loopback, port);
        _key.Put(UdpWire.Key);
        foreach (var source in sources)
        {
            var listener = new EventBasedLiteNetListener();
            var manager = new LiteNetManager(listener) { IPv6Enabled = false, ReconnectDelay = 100, MaxConnectAttempts = int.MaxValue };
            listener.PeerConnectedEvent += _ => Interlocked.Increment(ref _connected);
            if (reconnect)
            {
                listener.PeerDisconnectedEvent += (_, _) => manager.Connect(_server, _key);
            }
            manager.StartInManualMode(source, IPAddress.IPv6Loopback, 0);
            manager.Connect(_server, _key);
            _managers.Add(manager);
        }
        _thread = new Thread(Run) { Name = "crowd", IsBackground = true };
        _thread.Start();
    }

    /// <summary>Connections the server accepted so far (each reconnect counts again).</summary>
    public int Connected => Volatile.Read(ref _connected);

    public static IEnumerable<IPAddress> Addresses(int count, byte second) => Enumerable.Range(0, count).Select(i => new IPAddress([127, second, (byte)(1 + (i / 250)), (byte)(1 + (i % 250))]));

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        _managers.ForEach(m => m.Stop(sendDisconnectMessages: false));
    }

    private void Run()
    {
        while (!_stopping)
        {
            foreach (var manager in _managers)
            {
                manager.PollEvents();
                manager.ManualUpdate(1);
            }
            Thread.Sleep(1);
        }
    }
}
