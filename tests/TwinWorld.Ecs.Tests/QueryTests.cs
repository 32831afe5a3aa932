using System.Numerics;
using System.Runtime.InteropServices;

namespace TwinWorld.Ecs.Tests;

public class QueryTests
{
    private static readonly QueryDescription Moving = new QueryDescription().WithAll<Position, Velocity>();

    private struct Integrate : IForEach<Position, Velocity>
    {
        public int Visited;

        public void Update(ref Position position, ref Velocity velocity)
        {
            position = new Position(position.X + velocity.X, position.Y + velocity.Y);
            Visited++;
        }
    }

    private struct CollectEntities(List<Entity> into) : IForEachWithEntity<Health>
    {
        public readonly void Update(Entity entity, ref Health health) => into.Add(entity);
    }

    private struct SumHealthPerChunk(long[] sums) : IChunkJob
    {
        public readonly void Execute(in ChunkView chunk)
        {
            long sum = 0;
            foreach (var health in chunk.GetSpan<Health>())
            {
                sum += health.Value;
            }
            sums[chunk.Index] = sum;
        }
    }

    private struct DoubleHealth : IForEach<Health>
    {
        public readonly void Update(ref Health health) => health.Value *= 2;
    }

    [Fact]
    public void All_Any_None_select_the_right_entities()
    {
        var world = new World();
        var still = world.Create(new Position());
        var moving = world.Create(new Position(), new Velocity());
        var frozen = world.Create(new Position(), new Velocity(), new Frozen());
        var healthy = world.Create(new Health(1));

        Assert.Equal(2, world.CountEntities(Moving));
        Assert.Equal(1, world.CountEntities(Moving.WithNone<Frozen>()));
        Assert.Equal(4, world.CountEntities(new QueryDescription().WithAny<Position, Health>()));
        Assert.Equal(2, world.CountEntities(new QueryDescription().WithAny<Velocity, Health>().WithNone<Frozen>()));
        Assert.Equal(4, world.CountEntities(QueryDescription.Everything));
        _ = (still, moving, frozen, healthy);
    }

    private struct SumOptionalHealth(long[] sums) : IChunkJob
    {
        public readonly void Execute(in ChunkView chunk)
        {
            // An Any query mixes chunks with and without Health: the job asks each chunk.
            if (chunk.Has<Health>())
            {
                foreach (var health in chunk.GetSpan<Health>())
                {
                    sums[0] += health.Value;
                }
            }
            sums[1] += chunk.Count;
        }
    }

    [Fact]
    public void Chunk_jobs_over_an_Any_query_can_ask_which_components_a_chunk_has()
    {
        var world = new World();
        world.Create(new Health(5));
        world.Create(new Health(7), new Position());
        world.Create(new Position());
        world.Create(new Velocity());
        var sums = new long[2];
        var job = new SumOptionalHealth(sums);

        world.ForEachChunk(new QueryDescription().WithAny<Health, Position>(), ref job);

        Assert.Equal([12L, 3L], sums);
    }

    [Fact]
    public void Queries_see_archetypes_created_after_their_first_use()
    {
        var world = new World();
        world.Create(new Position(), new Velocity());
        Assert.Equal(1, world.CountEntities(Moving));

        world.Create(new Position(), new Velocity(), new Health(1));

        Assert.Equal(2, world.CountEntities(Moving));
    }

    [Fact]
    public void Struct_callback_visits_every_match_and_writes_through()
    {
        var world = new World();
        var entities = new Entity[2500];
        world.CreateMany(entities, new Position(0, 0), new Velocity(1, 2));
        world.Create(new Position(0, 0));

        var integrate = new Integrate();
        world.Query<Integrate, Position, Velocity>(Moving, ref integrate);

        Assert.Equal(2500, integrate.Visited);
        Assert.All(entities, e => Assert.Equal(new Position(1, 2), world.Get<Position>(e)));
    }

    [Fact]
    public void Chunk_spans_allow_vectorised_loops()
    {
        var world = new World();
        var entities = new Entity[3000];
        world.CreateMany(entities, new Health(3));

        foreach (var chunk in world.GetChunks(new QueryDescription().WithAll<Health>()))
        {
            var values = MemoryMarshal.Cast<Health, int>(chunk.GetSpan<Health>());
            var vectors = MemoryMarshal.Cast<int, Vector<int>>(values);
            for (int i = 0; i < vectors.Length; i++)
            {
                vectors[i] *= 2;
            }
            for (int i = vectors.Length * Vector<int>.Count; i < values.Length; i++)
            {
                values[i] *= 2;
            }
            Assert.Equal(chunk.Count, chunk.Entities.Length);
        }

        Assert.All(entities, e => Assert.Equal(6, world.Get<Health>(e).Value));
    }

    [Fact]
    public void Iteration_order_is_archetype_then_chunk_then_row_and_repeats_exactly()
    {
        static List<Entity> Build()
        {
            var world = new World();
            for (int i = 0; i < 2000; i++)
            {
                var entity = world.Create(new Health(i));
                if (i % 7 == 0)
                {
                    world.Add(entity, new Frozen());
                }
                if (i % 11 == 0)
                {
                    world.Destroy(entity);
                }
            }
            var order = new List<Entity>();
            var collect = new CollectEntities(order);
            world.QueryWithEntity<CollectEntities, Health>(new QueryDescription().WithAll<Health>(), ref collect);
            return order;
        }

        var first = Build();
        Assert.Equal(first, Build());
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    [Fact]
    public void A_large_archetype_iterates_in_a_few_chunks_whose_full_ones_need_no_scalar_tail()
    {
        var world = new World();
        world.CreateMany(new Entity[100_000], new Health(1));

        var counts = new List<int>();
        foreach (var chunk in world.GetChunks(new QueryDescription().WithAll<Health>()))
        {
            counts.Add(chunk.Count);
        }
        Assert.Equal(100_000, counts.Sum());
        Assert.InRange(counts.Count, 2, 10);
        // Every chunk but the last is full, and full chunks are whole multiples of 64 rows.
        Assert.All(counts[..^1], count => Assert.Equal(0, count % 64));
    }

    [Fact]
    public void Parallel_results_do_not_depend_on_the_number_of_workers()
    {
        long[] Run(int workers)
        {
            var world = new World { MaxDegreeOfParallelism = workers };
            for (int i = 0; i < 20000; i++)
            {
                world.Create(new Health(i), new Position(i, 0));
            }
            world.ParallelQuery<DoubleHealth, Health>(new QueryDescription().WithAll<Health>(), new DoubleHealth());
            var query = new QueryDescription().WithAll<Health>();
            int chunks = 0;
            foreach (var _ in world.GetChunks(query))
            {
                chunks++;
            }
            var sums = new long[chunks];
            world.ParallelForEachChunk(query, new SumHealthPerChunk(sums));
            return sums;
        }

        var one = Run(1);
        var two = Run(2);
        Assert.True(one.Length > 1, "the test needs several chunks");
        Assert.Equal(one, two);
        Assert.Equal(2L * 19999 * 20000 / 2, two.Sum());
    }

    [Fact]
    public void Structural_changes_during_iteration_are_refused_and_change_nothing()
    {
        var world = new World();
        var entity = world.Create(new Health(1));
        ulong before = world.ComputeHash();

        foreach (var chunk in world.GetChunks(new QueryDescription().WithAll<Health>()))
        {
            Assert.Throws<StructuralChangeException>(() => world.Add(entity, new Position()));
            Assert.Throws<StructuralChangeException>(() => world.Remove<Health>(entity));
            Assert.Throws<StructuralChangeException>(() => world.Destroy(entity));
            Assert.Throws<StructuralChangeException>(() => world.Create());
            world.Set(entity, new Health(1));
        }

        Assert.Equal(before, world.ComputeHash());
        world.Add(entity, new Position());
        Assert.True(world.Has<Position>(entity));
    }

    [Fact]
    public void A_callback_needing_a_component_the_query_does_not_require_is_refused()
    {
        var world = new World();
        world.Create(new Position(), new Velocity());
        var integrate = new Integrate();

        var error = Assert.Throws<ArgumentException>(() =>
            world.Query<Integrate, Position, Velocity>(new QueryDescription().WithAll<Position>(), ref integrate));

        Assert.Contains("Velocity", error.Message);
        Assert.False(world.IsIterating);
    }

    [Fact]
    public void An_exception_in_a_parallel_job_surfaces_as_itself_and_releases_the_world()
    {
        var world = new World { MaxDegreeOfParallelism = 2 };
        var entities = new Entity[10000];
        world.CreateMany(entities, new Health(1));

        Assert.Throws<InvalidOperationException>(() =>
            world.ParallelForEachChunk(new QueryDescription().WithAll<Health>(), new AskForPosition()));

        Assert.False(world.IsIterating);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_parallel_job_that_starts_a_query_is_refused_whatever_the_worker_count(int workers)
    {
        var world = new World { MaxDegreeOfParallelism = workers };
        world.CreateMany(new Entity[5000], new Health(1));

        var error = Assert.Throws<InvalidOperationException>(() =>
            world.ParallelForEachChunk(new QueryDescription().WithAll<Health>(), new CountInside(world)));

        Assert.Contains("inside a parallel query", error.Message);
        Assert.Equal(5000, world.CountEntities(new QueryDescription().WithAll<Health>()));
    }

    [Fact]
    public void At_least_one_worker_is_required()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new World { MaxDegreeOfParallelism = 0 });
    }

    private struct CountInside(World world) : IChunkJob
    {
        public readonly void Execute(in ChunkView chunk) => world.CountEntities(QueryDescription.Everything);
    }

    private struct AskForPosition : IChunkJob
    {
        public readonly void Execute(in ChunkView chunk) => chunk.GetSpan<Position>();
    }
}
