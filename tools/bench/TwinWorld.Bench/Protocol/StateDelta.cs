using BenchmarkDotNet.Attributes;
using TwinWorld.Net.State;
using TwinWorld.Protocol.Bits;
using TwinWorld.Protocol.State;
using TwinWorld.Simulation;

namespace TwinWorld.Bench.Protocol;

/// <summary>
/// The state stream on the real town during an evacuation (everyone alerted at the start, so nearly
/// every agent walks every tick): quantising the world into a view on the tick thread, encoding a delta
/// against a baseline 1 tick (loopback) or 6 ticks (300 ms at 20 Hz) old, and a client decoding it.
/// GlobalSetup prints the size figures: bits per changed agent and bytes per update.
/// </summary>
public class StateDelta
{
    private readonly BitWriter _writer = new(1 << 20);
    private readonly StateViewBuilder _builder = new();
    private global::TwinWorld.Simulation.Simulator _simulation = null!;
    private StateView _baseline = null!;
    private StateView _target = null!;
    private byte[] _delta = [];

    [Params(2_000, 10_000)]
    public int Agents { get; set; }

    [Params(1, 6)]
    public int BaselineAge { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _simulation = new TownScenario { Agents = Agents, AlertAfter = TimeSpan.Zero }.Build(20, workers: 2);
        var views = new List<StateView>();
        for (int tick = 0; tick < 400; tick++)
        {
            var report = _simulation.Step();
            if (tick >= 400 - 1 - BaselineAge)
            {
                views.Add(_builder.Build(_simulation, report.Tick));
            }
        }
        (_baseline, _target) = (views[0], views[^1]);
        int changed = AgentDeltaCodec.Encode(_baseline.Agents, _target.Agents, _writer);
        _delta = _writer.ToArray();
        _writer.Reset();
        AgentDeltaCodec.Encode(StateView.Empty.Agents, _target.Agents, _writer);
        long snapshotBits = _writer.BitCount;
        Console.WriteLine($"// StateDelta {Agents} agents, baseline {BaselineAge} tick(s) old: {changed} changed, {_delta.Length * 8.0 / changed:F1} bits per changed agent, " +
            $"delta {_delta.Length} B; full snapshot {snapshotBits / 8} B ({snapshotBits / (double)_target.AgentCount:F1} bits per agent)");
    }

    [Benchmark]
    public StateView BuildView() => _builder.Build(_simulation, _simulation.Tick - 1);

    [Benchmark]
    public long Encode()
    {
        _writer.Reset();
        AgentDeltaCodec.Encode(_baseline.Agents, _target.Agents, _writer);
        return _writer.BitCount;
    }

    [Benchmark]
    public int Decode() => AgentDeltaCodec.Decode(_baseline.Agents, _delta).Length;
}
