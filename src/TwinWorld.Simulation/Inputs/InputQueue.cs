namespace TwinWorld.Simulation.Inputs;

/// <summary>
/// Inputs waiting for their tick, handed out in (tick, arrival) order. An input stamped for a tick
/// that has already run cannot change the past: it is applied at the next tick and counted as late.
/// Thread-safe, so network and author threads can enqueue while the tick thread runs.
/// </summary>
public sealed class InputQueue
{
    private readonly Lock _gate = new();
    private readonly List<(SimulationInput Input, long Sequence)> _waiting = [];
    private long _sequence;

    public long Late { get; private set; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    public void Enqueue(SimulationInput input)
    {
        lock (_gate)
        {
            _waiting.Add((input, _sequence++));
        }
    }

    /// <summary>Removes and returns the inputs due at <paramref name="tick"/>, late ones re-stamped to it.</summary>
    public List<SimulationInput> TakeDue(long tick)
    {
        lock (_gate)
        {
            var due = _waiting.Where(w => w.Input.Tick <= tick).OrderBy(w => w.Input.Tick).ThenBy(w => w.Sequence).ToList();
            if (due.Count == 0)
            {
                return [];
            }
            _waiting.RemoveAll(w => w.Input.Tick <= tick);
            Late += due.Count(w => w.Input.Tick < tick);
            return due.Select(w => w.Input.Tick < tick ? w.Input with { Tick = tick } : w.Input).ToList();
        }
    }

    /// <summary>
    /// For what-if forks: removes one waiting input equal to each of <paramref name="remove"/> (a
    /// schedule being replaced) and puts <paramref name="schedule"/> ahead of everything still waiting.
    /// </summary>
    public void ReplaceScheduled(IEnumerable<SimulationInput> remove, IEnumerable<SimulationInput> schedule)
    {
        lock (_gate)
        {
            var rest = _waiting.OrderBy(w => w.Sequence).Select(w => w.Input).ToList();
            foreach (var input in remove)
            {
                rest.Remove(input);
            }
            _waiting.Clear();
            foreach (var input in schedule.Concat(rest))
            {
                _waiting.Add((input, _sequence++));
            }
        }
    }

    /// <summary>The inputs still waiting, in arrival order, and the late count.</summary>
    internal void Save(BinaryWriter writer)
    {
        lock (_gate)
        {
            writer.Write(Late);
            writer.Write(_waiting.Count);
            foreach (var (input, _) in _waiting.OrderBy(w => w.Sequence))
            {
                InputCodec.Write(writer, input);
            }
        }
    }

    /// <summary>Replaces what is waiting with saved inputs.</summary>
    internal void Load(BinaryReader reader)
    {
        lock (_gate)
        {
            Late = reader.ReadInt64();
            _waiting.Clear();
            int count = reader.ReadInt32();
            for (int i = 0; i < count; i++)
            {
                _waiting.Add((InputCodec.Read(reader), _sequence++));
            }
        }
    }
}
