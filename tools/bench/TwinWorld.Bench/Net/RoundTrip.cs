using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using LiteNetLib;
using TwinWorld.Net.Transport;
using TwinWorld.Protocol.Wire;

namespace TwinWorld.Bench.Net;

/// <summary>
/// A 32-byte reliable message client to server and back over loopback, through our transport and raw
/// LiteNetLib in manual mode, both sides serviced without waiting (the server's network thread waits at
/// most 1 ms between looks, which this leaves out). BenchmarkDotNet reports the mean; every round trip is
/// also timed alone, and GlobalCleanup prints their P50 and P99.
/// </summary>
public class RoundTrip
{
    private readonly byte[] _message = new byte[32];
    private readonly List<double> _microseconds = [];
    private OurLink? _ours;
    private RawLink? _raw;
    private bool _echoed;

    [Params("ours", "raw")]
    public string Transport { get; set; } = "ours";

    [GlobalSetup]
    public void Setup()
    {
        if (Transport == "ours")
        {
            _ours = new OurLink();
            return;
        }
        _raw = new RawLink();
        _raw.OnServerReceive = (peer, reader) => peer.Send(reader.GetRemainingBytesSpan(), DeliveryMethod.ReliableOrdered);
        _raw.OnClientReceive = (_, _) => _echoed = true;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _microseconds.Sort();
        Console.WriteLine($"// RoundTrip {Transport}: {_microseconds.Count} round trips, P50 {Percentile(0.5):F1} µs, P99 {Percentile(0.99):F1} µs");
        _ours?.Dispose();
        _raw?.Dispose();
    }

    [Benchmark]
    public void PingPong()
    {
        long began = Stopwatch.GetTimestamp();
        _echoed = false;
        if (_ours is { } ours)
        {
            ours.Client.Send(ours.ClientSide, NetChannel.Control, _message);
            while (!_echoed)
            {
                if (ours.Server.TryService(0, out var atServer) && atServer.Kind == TransportEventKind.Received)
                {
                    ours.Server.Send(atServer.Peer, NetChannel.Control, atServer.Data);
                    ours.Server.Flush(); // as the server's loop does after handling what came in (raw LiteNetLib echoes inside its receive)
                }
                _echoed = ours.Client.TryService(0, out var atClient) && atClient.Kind == TransportEventKind.Received;
            }
        }
        else
        {
            _raw!.ClientPeer.Send(_message, DeliveryMethod.ReliableOrdered);
            while (!_echoed)
            {
                _raw.Pump();
            }
        }
        _microseconds.Add(Stopwatch.GetElapsedTime(began).TotalMicroseconds);
    }

    private double Percentile(double p) => _microseconds.Count == 0 ? double.NaN : _microseconds[(int)Math.Min(_microseconds.Count - 1, p * _microseconds.Count)];
}
