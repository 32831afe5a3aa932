using TwinWorld.Ecs;
using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Simulation;

// Saving a run's evolving state and reading it back: recordings' snapshots, seeking, what-if forks, live forecasts.
public sealed partial class Simulator
{
    // 2: the hazard grids as their declarations walk them (IEvolvingState), the sea level and sides included.
    private const int SnapshotFormat = 2;

    /// <summary>
    /// Writes everything that evolves: the tick, the spawn stream, every entity, the hazard grids and
    /// the inputs still waiting. The site, options and agent profiles are not saved: the reading side
    /// builds its simulation the same way (from the same scenario) and <see cref="LoadState"/> checks.
    /// </summary>
    public void SaveState(BinaryWriter writer)
    {
        writer.Write(SaveWorldState());
        Inputs.Save(writer);
    }

    /// <summary>
    /// The start of <see cref="SaveState(BinaryWriter)"/>: everything that evolves but the inputs still waiting,
    /// which a replay feeds in at their ticks, so they differ from what a live run had queued ahead.
    /// </summary>
    public byte[] SaveWorldState()
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(SnapshotFormat);
            writer.Write(Profiles.Count);
            var walk = new StateWriter(writer);
            foreach (var part in DeclaredState)
            {
                walk.Part(part);
            }
            World.WriteSnapshot(writer);
        }
        return bytes.ToArray();
    }

    /// <summary>The state as bytes (see <see cref="SaveState(BinaryWriter)"/>).</summary>
    public byte[] SaveState()
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            SaveState(writer);
        }
        return bytes.ToArray();
    }

    /// <summary>
    /// Replaces this simulation's state with a saved one. It must be built on the same site with the
    /// same options and profiles as the one saved; afterwards it runs exactly as that one would have.
    /// Throws <see cref="InvalidDataException"/> when the bytes do not fit.
    /// </summary>
    public void LoadState(BinaryReader reader)
    {
        int format = reader.ReadInt32();
        if (format != SnapshotFormat)
        {
            throw new InvalidDataException($"The snapshot is format {format}; this build reads format {SnapshotFormat}.");
        }
        int profiles = reader.ReadInt32();
        if (profiles != Profiles.Count)
        {
            throw new InvalidDataException($"The snapshot was taken with {profiles} agent kinds; this simulation has {Profiles.Count}.");
        }
        var walk = new StateReader(reader);
        foreach (var part in DeclaredState)
        {
            walk.Part(part);
        }
        World = World.ReadSnapshot(reader, Options.Workers);
        Inputs.Load(reader);
    }

    public void LoadState(byte[] state)
    {
        using var reader = new BinaryReader(new MemoryStream(state, writable: false));
        LoadState(reader);
    }

    /// <summary>
    /// An independent copy at this tick, on its own threads' budget: it runs exactly as this one would
    /// under the same inputs, and nothing done to either touches the other. For live forecasts.
    /// </summary>
    public Simulator Fork(int workers = 0)
    {
        var fork = new Simulator(Site, Options with { Workers = workers > 0 ? workers : Options.Workers });
        for (int kind = fork.Profiles.Count; kind < Profiles.Count; kind++)
        {
            fork.Profiles.Register(Profiles[(Agents.AgentKind)kind]);
        }
        fork.LoadState(SaveState());
        return fork;
    }

    /// <summary>Everything that evolves outside the ECS world (which saves its own components), declared once.</summary>
    internal IEvolvingState[] DeclaredState => [new RunCounters(this), Hazards];

    /// <summary>The run's counters as declared state; the state hash after the last tick is derived (the hash of the rest).</summary>
    internal sealed class RunCounters(Simulator simulation) : IEvolvingState
    {
        private readonly Simulator _simulation = simulation;

        public void Walk(StateWalk walk)
        {
            walk.Value(ref _simulation._tick);
            walk.Value(ref _simulation._spawnRandom);
            walk.Value(ref _simulation._spawned);
            walk.Value(ref _simulation._hazardsStarted);
            walk.Derived(w => w.Value(ref _simulation._stateHash));
        }
    }
}
