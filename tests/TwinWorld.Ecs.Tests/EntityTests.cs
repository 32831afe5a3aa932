namespace TwinWorld.Ecs.Tests;

public class EntityTests
{
    [Fact]
    public void Created_entities_are_alive_and_counted()
    {
        var world = new World();
        var a = world.Create();
        var b = world.Create(new Position(1, 2));

        Assert.True(world.IsAlive(a));
        Assert.True(world.IsAlive(b));
        Assert.NotEqual(a, b);
        Assert.Equal(2, world.Count);
    }

    [Fact]
    public void Destroyed_entity_is_not_alive_and_every_operation_on_it_throws_a_clear_error()
    {
        var world = new World();
        var entity = world.Create(new Position(1, 2));
        world.Destroy(entity);

        Assert.False(world.IsAlive(entity));
        Assert.Equal(0, world.Count);
        var error = Assert.Throws<StaleEntityException>(() => world.Get<Position>(entity));
        Assert.Contains("destroyed", error.Message);
        Assert.Equal(entity, error.Entity);
        Assert.Throws<StaleEntityException>(() => world.Set(entity, new Position()));
        Assert.Throws<StaleEntityException>(() => world.Has<Position>(entity));
        Assert.Throws<StaleEntityException>(() => world.Add(entity, new Health(1)));
        Assert.Throws<StaleEntityException>(() => world.Remove<Position>(entity));
        Assert.Throws<StaleEntityException>(() => world.Destroy(entity));
        Assert.Throws<StaleEntityException>(() => world.GetComponentTypes(entity));
    }

    [Fact]
    public void A_reused_id_gets_a_new_version_so_the_old_handle_stays_stale()
    {
        var world = new World();
        var old = world.Create(new Health(1));
        world.Destroy(old);
        var reused = world.Create(new Health(2));

        Assert.Equal(old.Id, reused.Id);
        Assert.NotEqual(old.Version, reused.Version);
        Assert.False(world.IsAlive(old));
        Assert.Throws<StaleEntityException>(() => world.Get<Health>(old));
        Assert.Equal(2, world.Get<Health>(reused).Value);
    }

    [Fact]
    public void Null_never_created_and_foreign_handles_are_not_alive()
    {
        var world = new World();
        world.Create();

        Assert.False(world.IsAlive(Entity.Null));
        Assert.False(world.IsAlive(new Entity(5000, 1)));
        Assert.False(world.IsAlive(new Entity(-3, 0)));
        Assert.Contains("ever created", Assert.Throws<StaleEntityException>(() => world.Get<Health>(new Entity(5000, 1))).Message);
        Assert.Contains("another world", Assert.Throws<StaleEntityException>(() => world.Has<Health>(new Entity(0, 7))).Message);
    }

    [Fact]
    public void Destroying_one_entity_keeps_the_others_intact()
    {
        var world = new World();
        var entities = Enumerable.Range(0, 3000).Select(i => world.Create(new Health(i), new Position(i, -i))).ToList();

        foreach (var entity in entities.Where((_, i) => i % 3 == 0))
        {
            world.Destroy(entity);
        }

        Assert.Equal(2000, world.Count);
        for (int i = 0; i < entities.Count; i++)
        {
            Assert.Equal(i % 3 != 0, world.IsAlive(entities[i]));
            if (i % 3 != 0)
            {
                Assert.Equal(i, world.Get<Health>(entities[i]).Value);
                Assert.Equal(new Position(i, -i), world.Get<Position>(entities[i]));
            }
        }
    }

    [Fact]
    public void CreateMany_creates_distinct_entities_with_the_initial_values()
    {
        var world = new World();
        var entities = new Entity[5000];
        world.CreateMany(entities, new Health(7), new Position(1, 1), new Velocity(2, 2));

        Assert.Equal(5000, entities.Distinct().Count());
        Assert.Equal(5000, world.Count);
        Assert.All(entities, e => Assert.Equal(7, world.Get<Health>(e).Value));
        Assert.All(entities, e => Assert.Equal(new Velocity(2, 2), world.Get<Velocity>(e)));
    }

    [Fact]
    public void CreateMany_reuses_destroyed_ids_first()
    {
        var world = new World();
        var first = world.Create(new Health(1));
        world.Create(new Health(2));
        world.Destroy(first);

        var entities = new Entity[3];
        world.CreateMany(entities, new Health(3));

        Assert.Equal(first.Id, entities[0].Id);
        Assert.True(world.IsAlive(entities[0]));
        Assert.Equal(4, world.Count);
    }

    [Fact]
    public void Naming_a_component_twice_at_creation_is_refused()
    {
        var world = new World();
        Assert.Throws<ArgumentException>(() => world.Create(new Health(1), new Health(2)));
        Assert.Equal(0, world.Count);
    }
}
