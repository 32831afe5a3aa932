using BenchmarkDotNet.Attributes;
using TwinWorld.Bench.Scenarios;
using TwinWorld.Replay.Runs;
using TwinWorld.Scenarios.Running;

namespace TwinWorld.Bench.Replay;

/// <summary>
/// The snapshot path of recordings, seeking and forks, on the shipped tsunami scenario 90 simulated
/// seconds after the waves began (5,000 agents, the 512 x 512 sea moving): saving the run between
/// ticks (what the tick thread pays), deflating it (the recorder's pump), and restoring it (seeking,
/// what-if forks, live forecasts).
/// </summary>
public class ScenarioSnapshot
{
    private ScenarioRun _run = null!;
    private byte[] _state = [];

    [GlobalSetup]
    public void Setup()
    {
        _run = new ScenarioRun(ShippedScenario.Load("coastal-tsunami", new Dictionary<string, string> { ["arrival"] = "0s" }));
        _run.RunToEnd(TimeSpan.FromSeconds(90));
        _state = _run.SaveState();
        Console.WriteLine($"// snapshot: {_state.Length / 1e6:F1} MB raw, {SnapshotPayload.Pack(0, 0, _state).Length / 1e6:F2} MB deflated");
    }

    [Benchmark]
    public int Save() => _run.SaveState().Length;

    [Benchmark]
    public int Deflate() => SnapshotPayload.Pack(0, 0, _state).Length;

    [Benchmark]
    public long Restore() => ScenarioRun.Restore(_run.Scenario, _state).Simulation.Tick;
}
