namespace TwinWorld.Ecs.Tests;

/// <summary>The usage example of src/TwinWorld.Ecs/README.md, kept compiling and true.</summary>
public class ReadmeExampleTests
{
    public struct Evacuated;

    public struct Move(float dt) : IForEach<Position, Velocity>
    {
        public readonly void Update(ref Position p, ref Velocity v) => p = new(p.X + v.X * dt, p.Y + v.Y * dt);
    }

    [Fact]
    public void The_readme_example_does_what_it_says()
    {
        var world = new World();
        var walker = world.Create(new Position(0, 0), new Velocity(1.3f, 0));
        var crowd = new Entity[10_000];
        world.CreateMany(crowd, new Position(5, 5), new Velocity(0, 1));

        var moving = new QueryDescription().WithAll<Position, Velocity>().WithNone<Evacuated>();
        var move = new Move(0.05f);
        world.Query<Move, Position, Velocity>(moving, ref move);
        world.ParallelQuery<Move, Position, Velocity>(moving, move);
        float y = 5f;
        y += 1 * 0.05f; // the sequential pass
        y += 1 * 0.05f; // the parallel pass
        Assert.Equal(new Position(5, y), world.Get<Position>(crowd[^1]));

        int seen = 0;
        foreach (var chunk in world.GetChunks(moving))
        {
            Assert.Equal(chunk.Entities.Length, chunk.GetSpan<Position>().Length);
            seen += chunk.Count;
        }
        Assert.Equal(10_001, seen);

        ref var position = ref world.Get<Position>(walker);
        position = position with { Y = 2 };
        world.Add(walker, new Evacuated());
        world.Remove<Velocity>(walker);
        Assert.Equal(new Position(1.3f * 0.05f * 2, 2), world.Get<Position>(walker));

        var commands = new CommandBuffer();
        foreach (var chunk in world.GetChunks(moving))
        {
            foreach (var e in chunk.Entities)
            {
                commands.Add(e, new Evacuated());
            }
        }
        commands.Playback(world);
        Assert.Equal(0, world.CountEntities(moving));

        var checkpoint = world.Clone();
        Assert.Equal(world.ComputeHash(), checkpoint.ComputeHash());
    }
}
