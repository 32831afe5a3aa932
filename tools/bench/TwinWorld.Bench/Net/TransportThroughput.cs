using BenchmarkDotNet.Attributes;
using LiteNetLib;
using TwinWorld.Net.Transport;
using TwinWorld.Protocol.Wire;

namespace TwinWorld.Bench.Net;

/// <summary>
/// Messages of 1,000 bytes (one datagram each, headers included) a second, client to server over loopback,
/// reliable (Control: reliable-ordered) and unreliable (State: a one-chunk message), through our
/// <see cref="UdpTransport"/> and through raw LiteNetLib in manual mode. One thread services both sides,
/// as fast as it can; a batch is 200 messages, within the sockets' buffers.
/// </summary>
public class TransportThroughput
{
    private const int Batch = 200;
    private readonly byte[] _message = new byte[1000];
    private OurLink? _ours;
    private RawLink? _raw;
    private int _received;

    [Params("ours", "raw")]
    public string Transport { get; set; } = "ours";

    [Params(true, false)]
    public bool Reliable { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (Transport == "ours")
        {
            _ours = new OurLink();
        }
        else
        {
            // Copied out, as any consumer must before LiteNetLib recycles the reader (ours hands each message over as an array).
            _raw = new RawLink { OnServerReceive = (_, reader) => _received += reader.GetRemainingBytes().Length > 0 ? 1 : 0 };
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ours?.Dispose();
        _raw?.Dispose();
    }

    /// <summary>Sends a batch and services both sides until it has arrived (an unreliable batch: or 200 ms have passed).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int SendBatch()
    {
        _received = 0;
        for (int i = 0; i < Batch; i++)
        {
            if (_ours is not null)
            {
                _ours.Client.Send(_ours.ClientSide, Reliable ? NetChannel.Control : NetChannel.State, _message);
            }
            else
            {
                _raw!.ClientPeer.Send(_message, Reliable ? DeliveryMethod.ReliableOrdered : DeliveryMethod.Unreliable);
            }
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (_received < Batch && (Reliable || clock.ElapsedMilliseconds < 200))
        {
            if (_ours is not null)
            {
                _ours.Client.TryService(0, out _);
                while (_ours.Server.TryService(0, out var e))
                {
                    _received += e.Kind == TransportEventKind.Received ? 1 : 0;
                }
            }
            else
            {
                _raw!.Pump();
            }
        }
        return _received;
    }
}
