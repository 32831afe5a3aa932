namespace TwinWorld.Ecs.Tests;

public class CommandBufferTests
{
    private struct KillTheWeak(CommandBuffer commands) : IForEachWithEntity<Health>
    {
        public readonly void Update(Entity entity, ref Health health)
        {
            if (health.Value < 5)
            {
                commands.Destroy(entity);
            }
            else
            {
                commands.Add(entity, new Frozen());
            }
        }
    }

    [Fact]
    public void Changes_recorded_during_iteration_apply_on_playback()
    {
        var world = new World();
        var entities = Enumerable.Range(0, 10).Select(i => world.Create(new Health(i))).ToArray();
        var commands = new CommandBuffer();

        var job = new KillTheWeak(commands);
        world.QueryWithEntity<KillTheWeak, Health>(new QueryDescription().WithAll<Health>(), ref job);
        Assert.Equal(10, world.Count);
        commands.Playback(world);

        Assert.Equal(5, world.Count);
        Assert.All(entities[5..], e => Assert.True(world.Has<Frozen>(e)));
        Assert.All(entities[..5], e => Assert.False(world.IsAlive(e)));
        Assert.Equal(0, commands.Count);
    }

    [Fact]
    public void Commands_apply_in_recorded_order_and_placeholders_resolve()
    {
        var world = new World();
        var existing = world.Create(new Health(1));
        var commands = new CommandBuffer();

        var spawned = commands.Create();
        commands.Add(spawned, new Health(10));
        commands.Set(spawned, new Health(11));
        commands.Add(spawned, new Position(1, 1));
        commands.Remove<Position>(spawned);
        commands.Set(existing, new Health(2));
        commands.Set(existing, new Health(3));
        commands.Playback(world);

        Assert.Equal(2, world.Count);
        Assert.Equal(3, world.Get<Health>(existing).Value);
        var created = new Entity(existing.Id + 1, 1);
        Assert.Equal(11, world.Get<Health>(created).Value);
        Assert.False(world.Has<Position>(created));
        Assert.Throws<StaleEntityException>(() => world.Get<Health>(spawned));
    }

    [Fact]
    public void A_command_that_would_fail_stops_playback_before_anything_changes()
    {
        var world = new World();
        var entity = world.Create(new Health(1));
        ulong before = world.ComputeHash();
        var commands = new CommandBuffer();
        commands.Create();
        commands.Set(entity, new Health(99));
        commands.Add(entity, new Position());
        commands.Remove<Velocity>(entity);

        var error = Assert.Throws<InvalidOperationException>(() => commands.Playback(world));

        Assert.Contains("#3", error.Message);
        Assert.Contains("Velocity", error.Message);
        Assert.Contains("nothing was played back", error.Message);
        Assert.Equal(before, world.ComputeHash());
        Assert.Equal(1, world.Get<Health>(entity).Value);
    }

    [Fact]
    public void Commands_on_entities_destroyed_earlier_in_the_buffer_are_caught()
    {
        var world = new World();
        var entity = world.Create(new Health(1));
        var commands = new CommandBuffer();
        commands.Destroy(entity);
        commands.Add(entity, new Position());

        Assert.Contains("not alive", Assert.Throws<InvalidOperationException>(() => commands.Playback(world)).Message);
        Assert.True(world.IsAlive(entity));
    }

    [Fact]
    public void Placeholders_from_another_buffer_are_refused()
    {
        var world = new World();
        var other = new CommandBuffer();
        var foreign = other.Create();
        var commands = new CommandBuffer();
        commands.Add(foreign, new Health(1));

        Assert.Contains("placeholder", Assert.Throws<InvalidOperationException>(() => commands.Playback(world)).Message);
        Assert.Equal(0, world.Count);
    }

    [Fact]
    public void Playback_during_iteration_is_refused()
    {
        var world = new World();
        world.Create(new Health(1));
        var commands = new CommandBuffer();
        commands.Create();

        foreach (var _ in world.GetChunks(QueryDescription.Everything))
        {
            Assert.Throws<StructuralChangeException>(() => commands.Playback(world));
        }

        Assert.Equal(1, commands.Count);
    }
}
