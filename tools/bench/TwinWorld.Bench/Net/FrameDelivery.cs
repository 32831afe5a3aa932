using System.Buffers.Binary;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using TwinWorld.Net.Transport;
using TwinWorld.Protocol.Wire;

namespace TwinWorld.Bench.Net;

/// <summary>
/// The two ways camera frames could travel through our transport, server to client through a relay that
/// drops <see cref="LossPercent"/> of the datagrams each way: "chunks", as on its State channel (chunks on
/// LiteNetLib's unreliable delivery, a frame missing one dropped whole), and "reliable", its Frames channel
/// (LiteNetLib's reliable-unordered delivery; while the last frame is still queued the transport refuses
/// the next, and the newest is offered again on the next pass, as the server does). An invocation offers 100 frames, one every 10 ms (a camera at 100 frames/s: harder than the
/// 12.7 the CPU model makes), then waits 300 ms for stragglers; GlobalCleanup prints the share of frames
/// delivered and their latency from offer to arrival (P50, P99).
/// </summary>
public class FrameDelivery
{
    private const int Frames = 100;
    private static readonly long Interval = Stopwatch.Frequency / 100, Linger = Stopwatch.Frequency * 3 / 10;
    private readonly List<double> _latencyMs = [];
    private readonly long[] _offered = new long[Frames];
    private long _offers, _delivered;
    private LossyRelay? _relay;
    private OurLink _link = null!;
    private byte[]? _held;
    private byte[] _frame = [];

    [Params("chunks", "reliable")]
    public string Scheme { get; set; } = "chunks";

    [Params(10_000, 20_000, 40_000)]
    public int Bytes { get; set; }

    [Params(0, 5)]
    public int LossPercent { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _frame = new byte[Bytes];
        new Random(1).NextBytes(_frame);
        _link = new OurLink(port => (_relay = new LossyRelay(port, LossPercent / 100.0)).Port);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _latencyMs.Sort();
        double P(double p) => _latencyMs.Count == 0 ? double.NaN : _latencyMs[(int)Math.Min(_latencyMs.Count - 1, p * _latencyMs.Count)];
        Console.WriteLine($"// FrameDelivery {Scheme} {Bytes} B {LossPercent}% loss: {_delivered} of {_offers} frames delivered ({100.0 * _delivered / Math.Max(1, _offers):F1}%), latency P50 {P(0.5):F2} ms, P99 {P(0.99):F2} ms");
        _link.Dispose();
        _relay?.Dispose();
    }

    [Benchmark]
    public void OfferFrames()
    {
        long start = Stopwatch.GetTimestamp();
        int next = 0;
        while (Stopwatch.GetTimestamp() - start < (Frames * Interval) + Linger)
        {
            long now = Stopwatch.GetTimestamp();
            if (next < Frames && now - start >= next * Interval)
            {
                Offer(next++, now);
            }
            Service();
        }
    }

    private void Offer(int index, long now)
    {
        var frame = (byte[])_frame.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(frame, index);
        _offered[index] = now;
        _offers++;
        _held = frame; // the newest wins: an older one still held is never sent
    }

    private void Service()
    {
        if (_held is not null && _link.Server.Send(_link.ServerSide, Scheme == "chunks" ? NetChannel.State : NetChannel.Frames, _held))
        {
            _held = null;
        }
        _link.Server.TryService(0, out _);
        while (_link.Client.TryService(0, out var e))
        {
            if (e.Kind == TransportEventKind.Received)
            {
                Arrived(e.Data);
            }
        }
    }

    private void Arrived(ReadOnlySpan<byte> frame)
    {
        int index = BinaryPrimitives.ReadInt32LittleEndian(frame);
        _delivered++;
        _latencyMs.Add(Stopwatch.GetElapsedTime(_offered[index]).TotalMilliseconds);
    }
}
