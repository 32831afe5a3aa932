using System.Diagnostics;
using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Alerts;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Simulation.Hazards;
using TwinWorld.Simulation.Hazards.Fire;
using TwinWorld.Simulation.Hazards.Harm;
using TwinWorld.Simulation.Hazards.Water;
using TwinWorld.Simulation.Hazards.Wind;
using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Navigation;
using TwinWorld.Simulation.Snapshots;
using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Zones;

namespace TwinWorld.Simulation;

/// <summary>
/// One run of the shared world. <see cref="Step"/> advances it one fixed tick: due inputs are
/// applied, then the systems run in their declared order, then the state hash is taken. Everything
/// that changes state comes in through <see cref="Inputs"/> or the setup methods before the first
/// tick, so the same site, options and inputs give the same hash at every tick.
/// </summary>
public sealed partial class Simulator
{

    private readonly double[] _systemMilliseconds;
    private DeterministicRandom _spawnRandom;
    private long _spawned;
    private int _hazardsStarted;
    private long _tick;
    private ulong _stateHash;

    public Simulator(Site site, SimulationOptions? options = null)
    {
        Options = options ?? new SimulationOptions();
        Options.Validate();
        Site = site;
        World = new World { MaxDegreeOfParallelism = Options.Workers };
        Hazards = new HazardGrids(site, Options);
        Navigation = new NavigationFields(site);
        Neighbours = new SpatialHash(site.Terrain.WidthMetres, site.Terrain.HeightMetres);
        _spawnRandom = DeterministicRandom.ForStream(Options.Seed, 1);
        Zones = new ZoneRules(site);
        SensePeriodTicks = Math.Max(1, (int)Math.Round(TickRateHz / 2));
        Systems = SystemOrder.Sort(
        [
            new WindSystem(), new FloodSystem(), new FireSystem(), new DangerSystem(),
            new SenseSystem(), new ThinkSystem(), new ActSystem(), new HarmSystem(), new CameraSystem(),
        ]);
        _systemMilliseconds = new double[Systems.Count];
    }

    public SimulationOptions Options { get; }

    public Site Site { get; }

    public World World { get; private set; }

    public AgentProfiles Profiles { get; } = new();

    public NavigationFields Navigation { get; }

    /// <summary>The water, fire, wind and building damage that hazard entities act on, and what agents see of them.</summary>
    public HazardGrids Hazards { get; }

    public InputQueue Inputs { get; } = new();

    /// <summary>The systems of a tick, in the order they run (from what each declares it runs after).</summary>
    public IReadOnlyList<ISimulationSystem> Systems { get; }

    /// <summary>Hazards started so far (each start input that was accepted).</summary>
    public int HazardsStarted => _hazardsStarted;

    /// <summary>The next tick to run (ticks run so far).</summary>
    public long Tick => _tick;

    public double TickRateHz => Options.TickRateHz;

    /// <summary>Seconds of simulated time per tick.</summary>
    public float Dt => (float)(1 / Options.TickRateHz);

    public TimeSpan SimulatedTime => TimeSpan.FromSeconds(Tick / TickRateHz);

    /// <summary>The state hash after the last tick (0 before the first).</summary>
    public ulong StateHash => _stateHash;

    /// <summary>Wall time each system took in the last tick, in milliseconds, in <see cref="Systems"/> order.</summary>
    public IReadOnlyList<double> SystemMilliseconds => _systemMilliseconds;

    /// <summary>Wall time the state hash took in the last tick, in milliseconds.</summary>
    public double HashMilliseconds { get; private set; }

    internal SpatialHash Neighbours { get; }

    internal int SensePeriodTicks { get; }

    /// <summary>Where shelters, workplaces and schools are, and when agents have arrived.</summary>
    public ZoneRules Zones { get; }

    /// <summary>This tick's alerts.</summary>
    public ActiveAlerts Alerts { get; } = new();

    /// <summary>Runs one tick and returns what it did.</summary>
    public TickReport Step()
    {
        var rejected = new List<InputRejection>();
        var due = Inputs.TakeDue(Tick);
        foreach (var input in due)
        {
            if (input.ApplyTo(this) is { } reason)
            {
                rejected.Add(new InputRejection(Tick, input, reason));
            }
        }
        Alerts.Gather(World);
        for (int s = 0; s < Systems.Count; s++)
        {
            long start = Stopwatch.GetTimestamp();
            Systems[s].Update(this);
            _systemMilliseconds[s] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        long hashStart = Stopwatch.GetTimestamp();
        var parts = StateHashParts.Compute(this);
        StateHashPartValues = parts;
        _stateHash = StateHashParts.Combine(parts);
        HashMilliseconds = Stopwatch.GetElapsedTime(hashStart).TotalMilliseconds;
        var report = new TickReport(Tick, StateHash, due, rejected);
        _tick++;
        return report;
    }

    /// <summary>The hash of everything that evolves: the tick, every entity, the hazard grids and the spawn stream (see <see cref="StateHashParts"/>).</summary>
    public ulong ComputeStateHash() => StateHashParts.Combine(StateHashParts.Compute(this));

    /// <summary>The parts of the state hash after the last tick, in <see cref="StateHashParts.All"/> order (empty before the first).</summary>
    public IReadOnlyList<ulong> StateHashPartValues { get; private set; } = [];


    /// <summary>Creates an agent of a kind at a point, with its own speed and random stream drawn from the run's seed.</summary>
    public Entity SpawnAgent(AgentKind kind, Vector2 at)
    {
        if (Site.Terrain.IndexAt(at) < 0 || !float.IsFinite(at.X) || !float.IsFinite(at.Y))
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"Agents must start on the site (0 to {Site.Terrain.WidthMetres} m east, 0 to {Site.Terrain.HeightMetres} m north).");
        }
        var profile = Profiles[kind];
        float speed = Math.Clamp(profile.FreeSpeedMean + (profile.FreeSpeedDeviation * StandardNormal(ref _spawnRandom)), profile.MinSpeed, profile.MaxSpeed);
        var entity = World.Create(new Position(at), new Velocity(), new Heading(_spawnRandom.NextFloat(-DeterministicMath.Pi, DeterministicMath.Pi)), new Agent(kind, speed, profile.Radius));
        World.Add(entity, Vitality.Full);
        World.Add(entity, new Appearance(profile.Role));
        World.Add(entity, Mind.Start);
        World.Add(entity, Goal.None);
        World.Add(entity, Perception.Nothing);
        World.Add(entity, new AgentRandom(DeterministicRandom.ForStream(Options.Seed, 0x1000_0000UL + (ulong)_spawned++)));
        return entity;
    }

    /// <summary>Scatters agents over walkable cells that pass the filter: of one kind, or a mix of kinds (mostly civilians).</summary>
    public int Scatter(int count, Func<int, bool> cellFilter, AgentKind? kind = null)
    {
        var terrain = Site.Terrain;
        var cells = Enumerable.Range(0, terrain.CellCount).Where(c => terrain.IsWalkable(c) && cellFilter(c)).ToArray();
        if (cells.Length == 0)
        {
            return 0;
        }
        for (int i = 0; i < count; i++)
        {
            var centre = terrain.CellCentre(cells[_spawnRandom.NextInt(cells.Length)]);
            var jitter = new Vector2(_spawnRandom.NextFloat(-0.4f, 0.4f), _spawnRandom.NextFloat(-0.4f, 0.4f)) * terrain.CellSize;
            SpawnAgent(kind ?? PickKind(ref _spawnRandom), centre + jitter);
        }
        return count;
    }

    /// <summary>
    /// Setup before the first tick: the agent is already evacuating, with no reaction delay, to the
    /// given zone or the nearest shelter. For populations that start on the move (RiMEA cases).
    /// </summary>
    public void StartEvacuating(Entity agent, int zoneId = Goal.NearestShelter)
    {
        World.Set(agent, new Mind(Behaviour.Evacuate, Behaviour.Evacuate, Mind.Never, 0));
        World.Set(agent, new Goal(zoneId, default));
    }

    /// <summary>Creates a player's avatar: an agent that does what its player signals.</summary>
    public Entity SpawnAvatar(long clientId, Vector2 at, AgentKind kind = AgentKind.Civilian)
    {
        var entity = SpawnAgent(kind, at);
        World.Add(entity, new PlayerControl(clientId, Vector2.Zero, -1));
        return entity;
    }

    /// <summary>Adds a camera; a named one carries its <see cref="CameraName"/>.</summary>
    public Entity AddCamera(CameraMode mode, CameraPose pose, CameraLens lens, long ownerClientId = 0, Entity target = default, float distance = 8, float height = 4, string? name = null)
    {
        var camera = World.Create(pose, lens, new CameraRig(mode, target, distance, height), new CameraOwner(ownerClientId));
        if (!string.IsNullOrWhiteSpace(name))
        {
            World.Add(camera, new CameraName(name.Trim()));
        }
        return camera;
    }

    internal long TicksFor(float seconds) => (long)MathF.Round(seconds * (float)TickRateHz);

    /// <summary>The stream spawns draw places from, for inputs that add people.</summary>
    internal ref DeterministicRandom SpawnRandom => ref _spawnRandom;

    /// <summary>Counts a hazard start (its number), for the next default name and the run hash.</summary>
    internal void CountHazardStarted(int number) => _hazardsStarted = number;

    /// <summary>Mostly civilians, with children, elderly people, a few vehicles and firefighters.</summary>
    private static AgentKind PickKind(ref DeterministicRandom random)
    {
        float roll = random.NextFloat();
        return roll < 0.70f ? AgentKind.Civilian
            : roll < 0.85f ? AgentKind.Child
            : roll < 0.97f ? AgentKind.Elderly
            : roll < 0.99f ? AgentKind.Vehicle
            : AgentKind.Firefighter;
    }

    /// <summary>A standard normal draw by the sum of twelve uniforms (Irwin-Hall): no transcendentals.</summary>
    private static float StandardNormal(ref DeterministicRandom random)
    {
        float sum = 0;
        for (int i = 0; i < 12; i++)
        {
            sum += random.NextFloat();
        }
        return sum - 6;
    }
}
