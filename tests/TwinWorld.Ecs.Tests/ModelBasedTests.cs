using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using System.Globalization;

namespace TwinWorld.Ecs.Tests;

/// <summary>
/// Thousands of random operation sequences run against the world and against a plain dictionary
/// model of it; after every step the two must agree on every handle, component, value and query.
/// Failing operations must fail with the documented exception and leave the world's hash unchanged.
/// </summary>
public class ModelBasedTests
{
    private const int Components = 4; // Health, Position, Velocity, Name: see Kinds

    public enum OpKind { Create, CreateMany, Destroy, Add, Remove, Set, Clone, Saved, Buffered }

    public sealed record Op(OpKind Kind, int Pick, int Component, int Value, int Mask);

    private static readonly Gen<Op> OpGen =
        from kind in Gen.Frequency(
            (5, Gen.Constant(OpKind.Create)), (1, Gen.Constant(OpKind.CreateMany)), (3, Gen.Constant(OpKind.Destroy)),
            (5, Gen.Constant(OpKind.Add)), (4, Gen.Constant(OpKind.Remove)), (3, Gen.Constant(OpKind.Set)),
            (1, Gen.Constant(OpKind.Clone)), (1, Gen.Constant(OpKind.Saved)), (2, Gen.Constant(OpKind.Buffered)))
        from pick in Gen.Choose(0, 1_000_000)
        from component in Gen.Choose(0, Components - 1)
        from value in Gen.Choose(-50, 50)
        from mask in Gen.Choose(0, (1 << Components) - 1)
        select new Op(kind, pick, component, value, mask);

    /// <summary>FsCheck's source of operation sequences (80 at most), for the property below.</summary>
    public static class Operations
    {
        public static Arbitrary<Op[]> Sequences() => Arb.From(Gen.ListOf(OpGen).Select(ops => ops.Take(80).ToArray()));
    }

    [Property(Arbitrary = [typeof(Operations)], MaxTest = 2000)]
    public void World_agrees_with_a_dictionary_model_after_every_step(Op[] ops)
    {
        var model = new Model();
        var world = new World();
        for (int step = 0; step < ops.Length; step++)
        {
            world = model.Apply(world, ops[step]);
            model.AssertAgrees(world, $"after step {step} ({ops[step]})");
        }
    }

    /// <summary>The reference: a handle list plus, per live handle, component index -> value.</summary>
    private sealed class Model
    {
        private readonly List<Entity> _handles = [];
        private readonly Dictionary<Entity, SortedDictionary<int, int>> _alive = [];

        public World Apply(World world, Op op)
        {
            switch (op.Kind)
            {
                case OpKind.Create:
                    CreateWith(world, op.Mask, op.Value);
                    break;
                case OpKind.CreateMany:
                    var batch = new Entity[1 + (op.Pick % 600)];
                    world.CreateMany(batch, new Health(op.Value), new Position(op.Value, -op.Value));
                    foreach (var entity in batch)
                    {
                        Track(entity, new() { [0] = op.Value, [1] = op.Value });
                    }
                    break;
                case OpKind.Clone:
                    return world.Clone();
                case OpKind.Saved:
                    return SnapshotTests.SavedAndRead(world);
                case OpKind.Buffered:
                    ApplyBuffered(world, op);
                    break;
                default:
                    ApplyDirect(world, op);
                    break;
            }
            return world;
        }

        public void AssertAgrees(World world, string when)
        {
            Assert.True(_alive.Count == world.Count, $"count {world.Count} != model {_alive.Count} {when}");
            foreach (var handle in _handles)
            {
                bool alive = _alive.TryGetValue(handle, out var components);
                Assert.True(alive == world.IsAlive(handle), $"{handle} alive mismatch {when}");
                if (!alive)
                {
                    continue;
                }
                for (int c = 0; c < Components; c++)
                {
                    bool has = components!.TryGetValue(c, out int value);
                    Assert.True(has == Kinds[c].Has(world, handle), $"{handle} component {c} presence {when}");
                    if (has)
                    {
                        Assert.True(value == Kinds[c].Value(world, handle), $"{handle} component {c} value {when}");
                    }
                }
            }
            Assert.Equal(_alive.Values.Count(c => c.ContainsKey(0) && c.ContainsKey(1)), world.CountEntities(new QueryDescription().WithAll<Health, Position>()));
            Assert.Equal(_alive.Values.Count(c => c.ContainsKey(2) && !c.ContainsKey(3)), world.CountEntities(new QueryDescription().WithAll<Velocity>().WithNone<Name>()));
            Assert.Equal(_alive.Values.Count(c => c.ContainsKey(1) || c.ContainsKey(3)), world.CountEntities(new QueryDescription().WithAny<Position, Name>()));
            long expectedSum = _alive.Values.Where(c => c.ContainsKey(0)).Sum(c => (long)c[0]);
            var sum = new SumHealth();
            world.Query<SumHealth, Health>(new QueryDescription().WithAll<Health>(), ref sum);
            Assert.True(expectedSum == sum.Total, $"health sum {when}");
        }

        private void CreateWith(World world, int mask, int value)
        {
            var entity = world.Create();
            var components = new SortedDictionary<int, int>();
            for (int c = 0; c < Components; c++)
            {
                if ((mask & (1 << c)) != 0)
                {
                    Kinds[c].Add(world, entity, value);
                    components[c] = value;
                }
            }
            Track(entity, components);
        }

        private void Track(Entity entity, SortedDictionary<int, int> components)
        {
            _handles.Add(entity);
            _alive[entity] = components;
        }

        private Entity Pick(int pick) => _handles.Count == 0 ? new Entity(pick % 5, 1) : _handles[pick % _handles.Count];

        /// <summary>Applies one operation directly; if the model says it must fail, checks it fails cleanly.</summary>
        private void ApplyDirect(World world, Op op)
        {
            var entity = Pick(op.Pick);
            var expected = Expect(op.Kind, entity, op.Component);
            ulong before = expected is null ? 0 : world.ComputeHash();
            Action act = op.Kind switch
            {
                OpKind.Destroy => () => world.Destroy(entity),
                OpKind.Add => () => Kinds[op.Component].Add(world, entity, op.Value),
                OpKind.Remove => () => Kinds[op.Component].Remove(world, entity),
                _ => () => Kinds[op.Component].Set(world, entity, op.Value),
            };
            if (expected is not null)
            {
                var error = Assert.ThrowsAny<InvalidOperationException>(act);
                Assert.IsType(expected, error);
                Assert.Equal(before, world.ComputeHash());
                return;
            }
            act();
            Commit(op.Kind, entity, op.Component, op.Value);
        }

        /// <summary>Records the op, plus a create that uses it, in a command buffer; a failing op must change nothing.</summary>
        private void ApplyBuffered(World world, Op op)
        {
            var entity = Pick(op.Pick);
            var kind = (OpKind)((int)OpKind.Destroy + (op.Mask % 4));
            var commands = new CommandBuffer();
            var spawned = commands.Create();
            commands.Add(spawned, new Health(op.Value));
            switch (kind)
            {
                case OpKind.Destroy: commands.Destroy(entity); break;
                case OpKind.Add: Kinds[op.Component].Add(commands, entity, op.Value); break;
                case OpKind.Remove: Kinds[op.Component].Remove(commands, entity); break;
                default: Kinds[op.Component].Set(commands, entity, op.Value); break;
            }
            if (Expect(kind, entity, op.Component) is not null)
            {
                ulong before = world.ComputeHash();
                Assert.Throws<InvalidOperationException>(() => commands.Playback(world));
                Assert.Equal(before, world.ComputeHash());
                return;
            }
            commands.Playback(world);
            var created = FindNew(world);
            Track(created, new() { [0] = op.Value });
            Commit(kind, entity, op.Component, op.Value);
        }

        /// <summary>The one live entity with Health that the model has never seen: the buffer's create.</summary>
        private Entity FindNew(World world)
        {
            var known = _handles.ToHashSet();
            var found = new List<Entity>();
            foreach (var chunk in world.GetChunks(new QueryDescription().WithAll<Health>()))
            {
                foreach (var e in chunk.Entities)
                {
                    if (!known.Contains(e))
                    {
                        found.Add(e);
                    }
                }
            }
            return Assert.Single(found);
        }

        /// <summary>The exception type the model expects, or null if the op must succeed.</summary>
        private Type? Expect(OpKind kind, Entity entity, int component)
        {
            if (!_alive.TryGetValue(entity, out var components))
            {
                return typeof(StaleEntityException);
            }
            return kind switch
            {
                OpKind.Add when components.ContainsKey(component) => typeof(DuplicateComponentException),
                OpKind.Remove or OpKind.Set when !components.ContainsKey(component) => typeof(MissingComponentException),
                _ => null,
            };
        }

        private void Commit(OpKind kind, Entity entity, int component, int value)
        {
            switch (kind)
            {
                case OpKind.Destroy: _alive.Remove(entity); break;
                case OpKind.Remove: _alive[entity].Remove(component); break;
                default: _alive[entity][component] = value; break;
            }
        }
    }

    /// <summary>How the model turns a component index and an int into a real component, and back.</summary>
    private abstract class ComponentKind
    {
        public abstract void Add(World world, Entity entity, int value);
        public abstract void Set(World world, Entity entity, int value);
        public abstract void Remove(World world, Entity entity);
        public abstract bool Has(World world, Entity entity);
        public abstract int Value(World world, Entity entity);
        public abstract void Add(CommandBuffer commands, Entity entity, int value);
        public abstract void Set(CommandBuffer commands, Entity entity, int value);
        public abstract void Remove(CommandBuffer commands, Entity entity);
    }

    private sealed class ComponentKind<T>(Func<int, T> make, Func<T, int> read) : ComponentKind where T : struct
    {
        public override void Add(World world, Entity entity, int value) => world.Add(entity, make(value));
        public override void Set(World world, Entity entity, int value) => world.Set(entity, make(value));
        public override void Remove(World world, Entity entity) => world.Remove<T>(entity);
        public override bool Has(World world, Entity entity) => world.Has<T>(entity);
        public override int Value(World world, Entity entity) => read(world.Get<T>(entity));
        public override void Add(CommandBuffer commands, Entity entity, int value) => commands.Add(entity, make(value));
        public override void Set(CommandBuffer commands, Entity entity, int value) => commands.Set(entity, make(value));
        public override void Remove(CommandBuffer commands, Entity entity) => commands.Remove<T>(entity);
    }

    private static readonly ComponentKind[] Kinds =
    [
        new ComponentKind<Health>(v => new Health(v), h => h.Value),
        new ComponentKind<Position>(v => new Position(v, -v), p => (int)p.X),
        new ComponentKind<Velocity>(v => new Velocity(v, v), p => (int)p.X),
        new ComponentKind<Name>(v => new Name(v.ToString(CultureInfo.InvariantCulture)), n => int.Parse(n.Value, CultureInfo.InvariantCulture)),
    ];

    private struct SumHealth : IForEach<Health>
    {
        public long Total;

        public void Update(ref Health health) => Total += health.Value;
    }
}
