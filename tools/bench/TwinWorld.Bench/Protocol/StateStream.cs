using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using TwinWorld.Net.Interest;
using TwinWorld.Net.State;
using TwinWorld.Protocol.Bits;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation;

namespace TwinWorld.Bench.Protocol;

/// <summary>
/// The network thread's state-stream work for one tick and N clients, on the real town during an
/// evacuation (everyone walking): with interest off (one delta shared by every client on the same
/// baseline) and with the default interest (radius and 4096-byte budget), at 10k, 30k and 100k agents
/// and 1, 50 and 200 clients (the scaling curve of issue 19).
/// Each client follows an agent of its own (as a player's avatar), spread over the town, and acks
/// every tick. Interest-managed updates are built on <see cref="Threads"/> stream workers at once, as the
/// server does. GlobalSetup prints the bytes per client per tick.
/// </summary>
public class StateStream
{
    private const int Ticks = 24;

    /// <summary>The town's views by agent count, made once for every case that needs them (the simulation takes a while).</summary>
    private static readonly Dictionary<int, (StateView[] Views, float CellSize, (double, double) Site)> Towns = [];

    private readonly BitWriter _writer = new(1 << 22);
    private StateView[] _views = [];
    private ClientStream[] _streams = [];
    private int[] _followed = [];
    private long[] _bytes = [];
    private ViewIndex _index = null!;
    private StreamWorkers _workers = null!;
    private float _cellSize;
    private (double, double) _site;
    private int _tick;

    public enum Interest
    {
        Off,
        RadiusAndBudget,
    }

    [Params(10_000, 30_000, 100_000)]
    public int Agents { get; set; }

    [Params(1, 50, 200)]
    public int Clients { get; set; }

    [Params(Interest.Off, Interest.RadiusAndBudget)]
    public Interest Mode { get; set; }

    /// <summary>Stream workers: 1 (one client after another) and the machine's processor count.</summary>
    [ParamsSource(nameof(ThreadCounts))]
    public int Threads { get; set; }

    public static IEnumerable<int> ThreadCounts => new[] { 1, Environment.ProcessorCount }.Distinct();

    [GlobalSetup]
    public void Setup()
    {
        if (!Towns.TryGetValue(Agents, out var town))
        {
            Towns[Agents] = town = Town(Agents);
        }
        (_views, _cellSize, _site) = town;
        _bytes = new long[Clients];
        _workers = new StreamWorkers(Threads);
        _followed = [.. Enumerable.Range(0, Clients).Select(c => _views[0].Agents[(int)((c + 0.5) * _views[0].AgentCount / Clients)].Id)];
        Reset();
        // Two passes: the first fills the clients from nothing, the second is the steady state measured.
        Pass();
        long bytes = Pass();
        Console.WriteLine($"// StateStream {Agents} agents, {Clients} client(s), interest {Mode}: {bytes / (double)((Ticks - 1) * Clients):F0} bytes per client per tick " +
            $"({bytes * 20.0 / ((Ticks - 1) * Clients) / 1000:F1} KB/s at 20 Hz, {Threads} thread(s)); clients hold {_streams.Select(s => s.Find(_views[^1].Tick)?.AgentCount ?? 0).DefaultIfEmpty().Average():F0} agents");
        _tick = 0;
    }

    /// <summary>One tick: every client's update, serialised as the network thread sends it.</summary>
    [Benchmark]
    public long StreamTick()
    {
        long bytes = Tick(_tick);
        _tick = (_tick + 1) % Ticks;
        return bytes;
    }

    [GlobalCleanup]
    public void Cleanup() => _workers.Dispose();

    private static (StateView[], float, (double, double)) Town(int agents)
    {
        var simulation = new TownScenario { Agents = agents, AlertAfter = TimeSpan.Zero }.Build(20, workers: 2);
        var builder = new StateViewBuilder();
        var views = new StateView[Ticks];
        for (int tick = 0; tick < 100 + Ticks; tick++)
        {
            var report = simulation.Step();
            if (tick >= 100)
            {
                views[tick - 100] = builder.Build(simulation, report.Tick);
            }
        }
        var terrain = simulation.Site.Terrain;
        return (views, terrain.CellSize, (terrain.WidthMetres, terrain.HeightMetres));
    }

    private void Reset()
    {
        var options = Mode switch
        {
            Interest.Off => new InterestOptions { RadiusMetres = 0, BudgetBytesPerTick = 0 },
            _ => new InterestOptions(),
        };
        _index = new ViewIndex(_cellSize, _site);
        _streams = [.. Enumerable.Range(0, Clients).Select(_ => new ClientStream(options))];
    }

    /// <summary>Every tick once; returns the bytes sent but for the first tick, whose baseline is the last (the views wrap round).</summary>
    private long Pass()
    {
        Tick(0);
        long bytes = 0;
        for (int t = 1; t < Ticks; t++)
        {
            bytes += Tick(t);
        }
        return bytes;
    }

    private long Tick(int t)
    {
        var view = _views[t];
        var previous = _views[(t + Ticks - 1) % Ticks];
        long bytes = 0;
        if (Mode == Interest.Off)
        {
            var shared = StateUpdates.Encode(previous, view, _writer);
            for (int c = 0; c < Clients; c++)
            {
                shared.InputAck = (uint)c;
                bytes += new Envelope { State = shared }.ToByteArray().Length;
            }
            return bytes;
        }
        _index.Rebuild(view);
        _workers.For(Clients, (c, scratch) =>
        {
            var focus = scratch.Focus;
            focus.Reset(active: true);
            if (_index.IndexOf(_followed[c]) is >= 0 and var i)
            {
                focus.Add(view.Agents[i].X, view.Agents[i].Y);
            }
            // Acked every tick, as on loopback (when the views wrap round, the newest sent is the baseline all the same).
            long acked = _streams[c].Has(previous.Tick) ? previous.Tick : -1;
            var update = _streams[c].Next(_index, focus, acked, scratch);
            update.InputAck = (uint)c;
            _bytes[c] = new Envelope { State = update }.ToByteArray().Length;
        });
        for (int c = 0; c < Clients; c++)
        {
            bytes += _bytes[c];
        }
        return bytes;
    }
}
