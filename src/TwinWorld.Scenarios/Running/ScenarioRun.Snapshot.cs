using TwinWorld.Scenarios.Model;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Scenarios.Running;

// Saving a run between ticks and carrying on from the bytes: seeking in recordings and what-if forks.
public sealed partial class ScenarioRun
{
    /// <summary>The simulation's state plus the run's own: trigger edges, samples, log, end and alert bookkeeping.</summary>
    public byte[] SaveState()
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            Simulation.SaveState(writer);
            writer.Write(SetupHash);
            WriteFlags(writer, _triggerDone);
            WriteFlags(writer, _triggerWas);
            writer.Write(_samples.Count);
            foreach (var (at, outcome) in _samples)
            {
                writer.Write(at.Ticks);
                writer.Write(outcome);
            }
            var log = _log.ToArray();
            writer.Write(log.Length);
            Array.ForEach(log, writer.Write);
            writer.Write(_endAtTick);
            writer.WriteNullable(_endActionReason);
            writer.WriteNullable(_endReason);
            writer.Write(_firstHazardAlertHandled);
        }
        return bytes.ToArray();
    }

    /// <summary>
    /// Carries on a saved run. With <paramref name="savedWith"/> (the scenario the state was saved
    /// under) and a <paramref name="scenario"/> whose parameters differ, it is a what-if fork: the
    /// world is as saved, and from there on the new scenario's timeline, triggers and end apply.
    /// Both must set up the same world (see <see cref="SetupHash"/>); with no changes the run goes on
    /// exactly as the saved one did. Throws <see cref="InvalidDataException"/> for bytes that do not fit.
    /// </summary>
    public static ScenarioRun Restore(Scenario scenario, byte[] state, int workers = 0, Scenario? savedWith = null)
    {
        var run = new ScenarioRun(scenario, workers, populate: false);
        using var reader = new BinaryReader(new MemoryStream(state, writable: false));
        run.Simulation.LoadState(reader);
        run.SetupHash = reader.ReadUInt64();
        ReadFlags(reader, run._triggerDone);
        ReadFlags(reader, run._triggerWas);
        int samples = reader.ReadInt32();
        for (int i = 0; i < samples; i++)
        {
            run._samples.Add((TimeSpan.FromTicks(reader.ReadInt64()), reader.ReadRunOutcome()));
        }
        int log = reader.ReadInt32();
        for (int i = 0; i < log; i++)
        {
            run._log.Enqueue(reader.ReadString());
        }
        run._endAtTick = reader.ReadInt64();
        run._endActionReason = reader.ReadNullableString();
        run._endReason = reader.ReadNullableString();
        run._firstHazardAlertHandled = reader.ReadBoolean();
        if (savedWith is not null && !ReferenceEquals(savedWith, scenario))
        {
            run.Rebase(savedWith);
        }
        return run;
    }

    /// <summary>
    /// Swaps what the saved scenario's timeline still had waiting for what the new one schedules from
    /// this tick on (first, as at setup, so an unchanged scenario keeps the same order), and takes the
    /// new timeline's end action; inputs from triggers and authors stay as they were.
    /// </summary>
    private void Rebase(Scenario savedWith)
    {
        long now = Simulation.Tick;
        List<SimulationInput> Due(Scenario scenario, out long endAt)
        {
            var timeline = Timeline(scenario).Where(t => t.Tick >= now).ToList();
            endAt = timeline.Where(t => t.Action is EndAction).Select(t => t.Tick).DefaultIfEmpty(long.MaxValue).Min();
            return timeline.Where(t => t.Action is not EndAction).Select(t => t.Action.ToInput(scenario.Site, t.Tick)! with { Scheduled = true }).ToList();
        }
        var old = Due(savedWith, out long oldEnd);
        var changed = Due(Scenario, out long newEnd);
        Simulation.Inputs.ReplaceScheduled(old, changed);
        if (_endAtTick == oldEnd)
        {
            (_endAtTick, _endActionReason) = (newEnd, null);
            var end = Timeline(Scenario).FirstOrDefault(t => t.Tick == newEnd && t.Action is EndAction);
            if (end.Action is EndAction action)
            {
                _endActionReason = $"ended by an end action: {action.Reason}";
            }
        }
    }

    private static void WriteFlags(BinaryWriter writer, bool[] flags)
    {
        writer.Write(flags.Length);
        Array.ForEach(flags, writer.Write);
    }

    private static void ReadFlags(BinaryReader reader, bool[] flags)
    {
        if (reader.ReadInt32() != flags.Length)
        {
            throw new InvalidDataException($"The saved run has a different number of triggers than this scenario ({flags.Length}).");
        }
        for (int i = 0; i < flags.Length; i++)
        {
            flags[i] = reader.ReadBoolean();
        }
    }
}
