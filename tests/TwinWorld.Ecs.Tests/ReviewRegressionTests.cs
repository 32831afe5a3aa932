namespace TwinWorld.Ecs.Tests;

/// <summary>Cases a code review found; each failed before its fix.</summary>
public class ReviewRegressionTests
{
    public record struct Pair<T1, T2>(T1 First, T2 Second);

    private struct TryCreateThenCount(World world) : IChunkJob
    {
        public int Refused;

        public void Execute(in ChunkView chunk)
        {
            try
            {
                world.CreateMany(new Entity[1], new Velocity(1, 1));
            }
            catch (StructuralChangeException)
            {
                Refused++;
            }
            world.CountEntities(QueryDescription.Everything);
        }
    }

    [Fact]
    public void A_refused_CreateMany_during_iteration_changes_nothing_and_breaks_no_loop()
    {
        var world = new World();
        world.Create(new Health(1));
        world.Create(new Frozen());
        var job = new TryCreateThenCount(world);

        world.ForEachChunk(QueryDescription.Everything, ref job);

        Assert.Equal(2, job.Refused);
        Assert.Equal(0, world.CountEntities(new QueryDescription().WithAll<Velocity>()));
    }

    [Fact]
    public void Generic_component_keys_do_not_embed_assembly_versions()
    {
        string name = ComponentType.StableName(typeof(Pair<int, Position>));

        Assert.DoesNotContain("Version=", name);
        Assert.Equal("TwinWorld.Ecs.Tests.ReviewRegressionTests+Pair`2[System.Int32,TwinWorld.Ecs.Tests.Position]", name);
        Assert.Equal(typeof(Position).FullName, ComponentType.StableName(typeof(Position)));
    }

    [Fact]
    public void A_chunk_query_kept_across_a_structural_change_sees_the_new_archetypes()
    {
        var world = new World();
        world.Create(new Health(1));
        var chunks = world.GetChunks(new QueryDescription().WithAll<Health>());
        world.Create(new Health(2), new Frozen());

        int seen = 0;
        foreach (var chunk in chunks)
        {
            seen += chunk.Count;
        }

        Assert.Equal(2, seen);
    }

    [Fact]
    public void Disposing_an_enumerator_twice_releases_the_guard_once()
    {
        var world = new World();
        var entity = world.Create(new Health(1));

        foreach (var _ in world.GetChunks(QueryDescription.Everything))
        {
            var inner = world.GetChunks(QueryDescription.Everything).GetEnumerator();
            inner.Dispose();
            inner.Dispose();
            Assert.True(world.IsIterating);
            Assert.Throws<StructuralChangeException>(() => world.Destroy(entity));
        }

        Assert.False(world.IsIterating);
    }
}
