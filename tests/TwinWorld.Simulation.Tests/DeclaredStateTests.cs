using System.Collections;
using System.Reflection;
using System.Runtime.InteropServices;
using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Simulation.Tests;

/// <summary>
/// The state outside the ECS world is declared once (<see cref="IEvolvingState"/>). These prove that
/// whatever is declared reaches the save, the load, the state hash and a fork, and that nothing
/// changeable is left undeclared: adding a field to a grid without declaring it fails here by name.
/// </summary>
public class DeclaredStateTests
{
    private static readonly Lazy<Simulator> Busy = new(() =>
    {
        // By tick 420 the tsunami, fire, tornado and wind are all running.
        var simulation = DeterminismTests.Busy(workers: 2);
        while (simulation.Tick < 420)
        {
            simulation.Step();
        }
        return simulation;
    });

    [Fact]
    public void Every_declared_item_reaches_the_save_the_load_the_hash_and_a_fork()
    {
        var simulation = Busy.Value.Fork();
        byte[] pristine = simulation.SaveState();
        var target = Busy.Value.Fork();
        int items = Count(simulation);
        Assert.True(items > 30, $"only {items} declared items");

        for (int item = 0; item < items; item++)
        {
            simulation.LoadState(pristine);
            byte[] before = simulation.SaveWorldState();
            ulong hashBefore = simulation.ComputeStateHash();

            var nudge = new Nudge(item);
            Walk(simulation, nudge);
            string what = $"item {item} ({nudge.Changed})";
            byte[] saved = simulation.SaveWorldState();
            ulong hash = simulation.ComputeStateHash();

            Assert.False(before.AsSpan().SequenceEqual(saved), $"{what} did not reach the save");
            Assert.True(!nudge.Hashed || hash != hashBefore, $"{what} did not reach the state hash");
            target.LoadState(simulation.SaveState());
            Assert.True(saved.AsSpan().SequenceEqual(target.SaveWorldState()), $"{what} did not survive a load");
            Assert.Equal(hash, target.ComputeStateHash());
        }

        // A fork is a save and a load; once, with every item changed at the same time.
        simulation.LoadState(pristine);
        Walk(simulation, new Nudge(Nudge.All));
        var fork = simulation.Fork();
        Assert.True(simulation.SaveWorldState().AsSpan().SequenceEqual(fork.SaveWorldState()), "a fork differs");
        Assert.Equal(simulation.ComputeStateHash(), fork.ComputeStateHash());
    }

    [Fact]
    public void Every_changeable_field_of_declared_state_is_walked_or_says_why_not()
    {
        var unwalked = new List<string>();
        foreach (var state in Parts(Busy.Value.Fork()))
        {
            foreach (var field in state.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                if (field.GetCustomAttribute<NotStateAttribute>() is null && Changeable(field) && !Walked(state, field))
                {
                    unwalked.Add($"{state.GetType().Name}.{field.Name}");
                }
            }
        }
        Assert.True(unwalked.Count == 0, $"neither walked nor marked [NotState]: {string.Join(", ", unwalked.Distinct())}");
    }

    [Fact]
    public void Derived_state_is_saved_but_not_hashed()
    {
        var simulation = Busy.Value.Fork();
        ulong hash = simulation.ComputeStateHash();
        byte[] before = simulation.SaveWorldState();

        simulation.Hazards.Wind.ClearVortices(); // rebuilt from the tornado each tick

        Assert.Equal(hash, simulation.ComputeStateHash());
        Assert.False(before.AsSpan().SequenceEqual(simulation.SaveWorldState()));
    }

    private static void Walk(Simulator simulation, StateWalk walk)
    {
        foreach (var part in simulation.DeclaredState)
        {
            walk.Part(part);
        }
    }

    private static int Count(Simulator simulation)
    {
        var counter = new Nudge(-1);
        Walk(simulation, counter);
        return counter.Seen;
    }

    private static List<IEvolvingState> Parts(Simulator simulation)
    {
        var collector = new PartCollector();
        Walk(simulation, collector);
        return collector.Parts;
    }

    /// <summary>Readonly fields of other types are fixed at construction or are helpers that rebuild what they hold.</summary>
    private static bool Changeable(FieldInfo field) => !field.IsInitOnly
        || field.FieldType.IsArray
        || typeof(IList).IsAssignableFrom(field.FieldType)
        || typeof(IEvolvingState).IsAssignableFrom(field.FieldType);

    /// <summary>Whether the state's own walk visits the field's part or array, or (values, lists) saves something else when it changes.</summary>
    private static bool Walked(IEvolvingState state, FieldInfo field)
    {
        object? value = field.GetValue(state);
        if (value is IEvolvingState or Array)
        {
            var collector = new PartCollector();
            state.Walk(collector);
            return collector.Walked.Contains(value);
        }
        byte[] before = Save(state);
        switch (value)
        {
            case IList list:
                list.Add(Different(null, list.GetType().GetGenericArguments()[0]));
                bool changed = !before.AsSpan().SequenceEqual(Save(state));
                list.RemoveAt(list.Count - 1);
                return changed;
            case null:
                return false;
            default:
                field.SetValue(state, Different(value, field.FieldType));
                changed = !before.AsSpan().SequenceEqual(Save(state));
                field.SetValue(state, value);
                return changed;
        }
    }

    private static byte[] Save(IEvolvingState state)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            new StateWriter(writer).Part(state);
        }
        return bytes.ToArray();
    }

    /// <summary>A value of the type unlike the given one: numbers and flags changed in their low bit, structs in their first field.</summary>
    private static object Different(object? value, Type type)
    {
        value ??= Activator.CreateInstance(type)!;
        if (type.IsEnum)
        {
            return Enum.ToObject(type, Convert.ToInt64(value) ^ 1);
        }
        return value switch
        {
            bool b => !b,
            float f => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(f) ^ 1),
            int i => i ^ 1,
            long l => l ^ 1,
            uint u => u ^ 1,
            ulong u => u ^ 1,
            byte b => (byte)(b ^ 1),
            _ when type.IsValueType => WithFirstFieldChanged(value, type),
            _ => throw new InvalidOperationException($"cannot change a {type.Name}"),
        };
    }

    private static object WithFirstFieldChanged(object value, Type type)
    {
        var first = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)[0];
        first.SetValue(value, Different(first.GetValue(value), first.FieldType)); // value is a boxed copy
        return value;
    }

    /// <summary>Counts the declared items, or changes the chosen one (or all): a value's low bit, a cell inside its box, an item more.</summary>
    private sealed class Nudge(int chosen) : StateWalk
    {
        public const int All = -2;

        private bool _derived;

        public int Seen { get; private set; }

        public string? Changed { get; private set; }

        /// <summary>Whether the change is to hashed state (not derived, inside its box).</summary>
        public bool Hashed { get; private set; }

        public override void Value<T>(ref T value)
        {
            if (Hit<T>("value"))
            {
                MemoryMarshal.AsBytes(new Span<T>(ref value))[0] ^= 1;
            }
        }

        public override void Cells<T>(T[] cells)
        {
            if (Hit<T>("cells"))
            {
                Flip(cells, cells.Length / 2);
            }
        }

        public override void Cells<T>(T[] cells, int width, CellBox active)
        {
            if (Hit<T>("cells in a box"))
            {
                Hashed &= !active.IsEmpty;
                Flip(cells, active.IsEmpty ? 0 : ((active.MinY + active.MaxY) / 2 * width) + ((active.MinX + active.MaxX) / 2));
            }
        }

        public override void Items<T>(ref T[] items, ref int count)
        {
            if (Hit<T>("items"))
            {
                if (count == items.Length)
                {
                    Array.Resize(ref items, count + 1);
                }
                count++;
                Flip(items, count - 1);
            }
        }

        public override void Derived(Action<StateWalk> declare)
        {
            _derived = true;
            declare(this);
            _derived = false;
        }

        private bool Hit<T>(string what)
        {
            if (Seen++ != chosen && chosen != All)
            {
                return false;
            }
            Changed = $"{what} of {typeof(T).Name}{(_derived ? ", derived" : "")}";
            Hashed = !_derived;
            return true;
        }

        private static void Flip<T>(T[] cells, int index) where T : unmanaged
            => MemoryMarshal.AsBytes(cells.AsSpan(index, 1))[0] ^= 1;
    }

    /// <summary>Every part a walk visits, nested ones included, and every array.</summary>
    private sealed class PartCollector : StateWalk
    {
        public List<IEvolvingState> Parts { get; } = [];

        public HashSet<object> Walked { get; } = new(ReferenceEqualityComparer.Instance);

        public override void Part(IEvolvingState part)
        {
            Parts.Add(part);
            Walked.Add(part);
            part.Walk(this);
        }

        public override void Value<T>(ref T value)
        {
        }

        public override void Cells<T>(T[] cells) => Walked.Add(cells);

        public override void Items<T>(ref T[] items, ref int count) => Walked.Add(items);
    }
}
