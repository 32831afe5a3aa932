using System.Net;
using System.Net.Sockets;

namespace TwinWorld.Bench.Net;

/// <summary>
/// A UDP relay on loopback that drops a share of the datagrams each way: LiteNetLib's own loss
/// simulation is compiled out of its release package. One client: it connects to <see cref="Port"/>,
/// and the server sees the relay's second socket.
/// </summary>
internal sealed class LossyRelay : IDisposable
{
    private readonly Socket _front = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Socket _back = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _server;
    private readonly double _loss;
    private readonly Random _random = new(18);
    private readonly Thread _thread;
    private volatile bool _stopping;
    private EndPoint? _client;

    public LossyRelay(int serverPort, double loss)
    {
        _server = new IPEndPoint(IPAddress.Loopback, serverPort);
        _loss = loss;
        foreach (var socket in new[] { _front, _back })
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            socket.ReceiveBufferSize = socket.SendBufferSize = 4 << 20;
        }
        _thread = new Thread(Run) { Name = "lossy-relay", IsBackground = true };
        _thread.Start();
    }

    public int Port => ((IPEndPoint)_front.LocalEndPoint!).Port;

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        _front.Dispose();
        _back.Dispose();
    }

    private void Run()
    {
        var buffer = new byte[65_536];
        var readable = new List<Socket>(2);
        while (!_stopping)
        {
            readable.Clear();
            readable.Add(_front);
            readable.Add(_back);
            Socket.Select(readable, null, null, 10_000);
            foreach (var socket in readable)
            {
                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                int length = socket.ReceiveFrom(buffer, ref from);
                if (socket == _front)
                {
                    _client = from;
                }
                if (_random.NextDouble() < _loss)
                {
                    continue;
                }
                if (socket == _front)
                {
                    _back.SendTo(buffer.AsSpan(0, length), SocketFlags.None, _server);
                }
                else if (_client is not null)
                {
                    _front.SendTo(buffer.AsSpan(0, length), SocketFlags.None, _client);
                }
            }
        }
    }
}
