namespace TwinWorld.Ecs.Tests;

public class ComponentTests
{
    [Fact]
    public void Add_Has_Get_Set_Remove_round_trip()
    {
        var world = new World();
        var entity = world.Create();

        world.Add(entity, new Position(1, 2));
        Assert.True(world.Has<Position>(entity));
        Assert.False(world.Has<Velocity>(entity));
        Assert.Equal(new Position(1, 2), world.Get<Position>(entity));

        world.Set(entity, new Position(3, 4));
        Assert.Equal(new Position(3, 4), world.Get<Position>(entity));

        world.Remove<Position>(entity);
        Assert.False(world.Has<Position>(entity));
        Assert.True(world.IsAlive(entity));
    }

    [Fact]
    public void Get_returns_a_reference_that_writes_through()
    {
        var world = new World();
        var entity = world.Create(new Health(10));

        world.Get<Health>(entity).Value -= 3;

        Assert.Equal(7, world.Get<Health>(entity).Value);
    }

    [Fact]
    public void Adding_and_removing_keeps_the_other_components_values()
    {
        var world = new World();
        var entity = world.Create(new Position(1, 2), new Health(5));

        world.Add(entity, new Velocity(3, 4));
        world.Add<Frozen>(entity);
        world.Remove<Position>(entity);

        Assert.Equal(5, world.Get<Health>(entity).Value);
        Assert.Equal(new Velocity(3, 4), world.Get<Velocity>(entity));
        Assert.True(world.Has<Frozen>(entity));
        Assert.Equal(new HashSet<Type> { typeof(Health), typeof(Velocity), typeof(Frozen) }, world.GetComponentTypes(entity).ToHashSet());
    }

    [Fact]
    public void Moving_an_entity_out_of_a_chunk_keeps_the_entity_moved_into_its_place_intact()
    {
        var world = new World();
        var first = world.Create(new Health(1));
        var last = world.Create(new Health(2));

        world.Add(first, new Position(9, 9));

        Assert.Equal(2, world.Get<Health>(last).Value);
        Assert.Equal(1, world.Get<Health>(first).Value);
        Assert.Equal(new Position(9, 9), world.Get<Position>(first));
    }

    [Fact]
    public void Adding_a_component_the_entity_has_throws_and_leaves_the_world_intact()
    {
        var world = new World();
        var entity = world.Create(new Position(1, 2), new Health(3));
        world.Create(new Health(4));
        ulong before = world.ComputeHash();

        var error = Assert.Throws<DuplicateComponentException>(() => world.Add(entity, new Position(5, 6)));

        Assert.Contains("already has a Position", error.Message);
        Assert.Equal(before, world.ComputeHash());
        Assert.Equal(new Position(1, 2), world.Get<Position>(entity));
    }

    [Fact]
    public void Removing_a_component_the_entity_lacks_throws_and_leaves_the_world_intact()
    {
        // Arch issues #305 and #224: this corrupted the world there.
        var world = new World();
        var entity = world.Create(new Position(1, 2));
        var other = world.Create(new Position(3, 4), new Health(1));
        ulong before = world.ComputeHash();

        var error = Assert.Throws<MissingComponentException>(() => world.Remove<Health>(entity));

        Assert.Contains("has no Health", error.Message);
        Assert.Contains("Position", error.Message);
        Assert.Equal(before, world.ComputeHash());
        Assert.Equal(2, world.Count);
        Assert.Equal(new Position(1, 2), world.Get<Position>(entity));
        Assert.Equal(1, world.Get<Health>(other).Value);
        Assert.Equal(2, world.CountEntities(new QueryDescription().WithAll<Position>()));
    }

    [Fact]
    public void Get_and_Set_of_a_missing_component_throw()
    {
        var world = new World();
        var entity = world.Create();

        Assert.Throws<MissingComponentException>(() => world.Get<Health>(entity));
        Assert.Throws<MissingComponentException>(() => world.Set(entity, new Health(1)));
        Assert.Contains("it has none", Assert.Throws<MissingComponentException>(() => world.Remove<Health>(entity)).Message);
    }

    [Fact]
    public void Managed_struct_components_hold_their_references()
    {
        var world = new World();
        var entity = world.Create(new Name("school"), new Inventory([1, 2]));
        world.Add(entity, new Health(1));

        Assert.Equal("school", world.Get<Name>(entity).Value);
        world.Get<Inventory>(entity).Items.Add(3);
        Assert.Equal([1, 2, 3], world.Get<Inventory>(entity).Items);
    }

    [Fact]
    public void Adding_a_value_read_from_the_same_entity_copies_it_before_moving()
    {
        var world = new World();
        var entity = world.Create(new Health(42));
        world.Create(new Health(1));

        world.Add(entity, new Position(world.Get<Health>(entity).Value, 0));

        Assert.Equal(42, world.Get<Position>(entity).X);
    }
}
