namespace TwinWorld.Ecs.Tests;

public class SnapshotTests
{
    private static World Town()
    {
        var world = new World();
        for (int i = 0; i < 1000; i++)
        {
            var entity = world.Create(new Position(i, i * 0.5f), new Health(100 - (i % 100)));
            if (i % 3 == 0)
            {
                world.Add(entity, new Velocity(1, 0));
            }
            if (i % 10 == 0)
            {
                world.Add(entity, new Name($"agent-{i}"));
            }
            if (i % 17 == 0)
            {
                world.Destroy(entity);
            }
        }
        return world;
    }

    [Fact]
    public void The_same_operations_give_the_same_hash()
    {
        Assert.Equal(Town().ComputeHash(), Town().ComputeHash());
    }

    [Fact]
    public void The_hash_is_stable_across_processes_and_builds()
    {
        // Recordings store these hashes; if this value changes, every recording made before is invalid.
        var world = new World();
        var a = world.Create(new Position(1.5f, -2), new Health(7));
        world.Create(new Name("shelter"));
        world.Destroy(a);
        world.Create(new Frozen());

        Assert.Equal(0xB2E92F26326E104BUL, world.ComputeHash());
    }

    [Fact]
    public void The_per_type_and_structure_hashes_are_stable_across_chunk_sizes()
    {
        // Replays name the diverging part by these hashes, and recordings store them. The values are the
        // ones of the build before 2026-12-08, whose chunks were all 16 KiB: 5,000 rows span several
        // chunks of both layouts, cut in different places.
        var world = new World();
        var entities = new Entity[5000];
        world.CreateMany(entities, new Health(0), new Position(0, 0));
        for (int i = 0; i < entities.Length; i++)
        {
            world.Set(entities[i], new Health(i * 7));
            world.Set(entities[i], new Position(i, -i * 0.5f));
        }
        for (int i = 0; i < entities.Length; i += 9)
        {
            world.Destroy(entities[i]);
        }
        for (int i = 1; i < entities.Length; i += 13)
        {
            if (world.IsAlive(entities[i]))
            {
                world.Remove<Position>(entities[i]);
            }
        }

        Assert.Equal(0x70AB550700E7CA2FUL, world.ComputeHash<Health>());
        Assert.Equal(0x5A240835A163C1C8UL, world.ComputeHash<Position>());
        Assert.Equal(0x43F8136CF6A72A6AUL, world.ComputeStructureHash());
    }

    [Fact]
    public void The_hash_does_not_depend_on_the_number_of_workers()
    {
        // Enough entities for several hash pages, so the parallel path really runs.
        var world = new World { MaxDegreeOfParallelism = 1 };
        var entity = Entity.Null;
        for (int i = 0; i <= 20_001; i++) // 20,001 is not a multiple of 7: the last one lives
        {
            entity = world.Create(new Health(i), new Position(i, -i));
            if (i % 7 == 0)
            {
                world.Destroy(entity);
            }
        }
        ulong sequential = world.ComputeHash();

        world.MaxDegreeOfParallelism = 2;

        Assert.Equal(sequential, world.ComputeHash());
        world.Get<Health>(entity).Value++;
        Assert.NotEqual(sequential, world.ComputeHash());
    }

    [Fact]
    public void Any_change_of_data_changes_the_hash()
    {
        var world = Town();
        ulong original = world.ComputeHash();
        var some = new Entity(1, 1);

        var originalPosition = world.Get<Position>(some);
        world.Get<Position>(some).X += 0.25f;
        ulong moved = world.ComputeHash();
        world.Set(some, originalPosition);

        Assert.NotEqual(original, moved);
        Assert.Equal(original, world.ComputeHash());
        world.Add<Frozen>(some);
        Assert.NotEqual(original, world.ComputeHash());
    }

    [Fact]
    public void The_hash_does_not_depend_on_how_the_layout_came_about()
    {
        var direct = new World();
        direct.Create(new Position(1, 2), new Health(3));

        var stepwise = new World();
        var entity = stepwise.Create();
        stepwise.Add(entity, new Health(3));
        stepwise.Add(entity, new Velocity());
        stepwise.Add(entity, new Position(1, 2));
        stepwise.Remove<Velocity>(entity);

        Assert.Equal(direct.ComputeHash(), stepwise.ComputeHash());
    }

    [Fact]
    public void A_clone_hashes_equal_and_evolves_identically()
    {
        var world = Town();
        var copy = world.Clone();
        Assert.Equal(world.ComputeHash(), copy.ComputeHash());
        Assert.Equal(world.Count, copy.Count);

        var outcomes = new[] { world, copy }.Select(w =>
        {
            var fresh = w.Create(new Health(5));
            w.Add(fresh, new Position(9, 9));
            w.Destroy(new Entity(2, 1));
            var order = new List<Entity>();
            foreach (var chunk in w.GetChunks(new QueryDescription().WithAll<Health>()))
            {
                order.AddRange(chunk.Entities.ToArray());
            }
            return (fresh, order);
        }).ToArray();

        Assert.Equal(outcomes[0].fresh, outcomes[1].fresh);
        Assert.Equal(outcomes[0].order, outcomes[1].order);
        Assert.Equal(world.ComputeHash(), copy.ComputeHash());
    }

    [Fact]
    public void A_clone_is_independent_of_the_original()
    {
        var world = new World();
        var entity = world.Create(new Health(1), new Inventory([1]));
        var copy = world.Clone();

        copy.Get<Health>(entity).Value = 2;
        copy.Get<Inventory>(entity).Items.Add(2);
        copy.Destroy(entity);

        Assert.True(world.IsAlive(entity));
        Assert.Equal(1, world.Get<Health>(entity).Value);
        Assert.Equal([1], world.Get<Inventory>(entity).Items);
    }

    [Fact]
    public void Padded_or_reference_holding_components_without_a_stable_hash_are_refused_with_a_reason()
    {
        var padded = new World();
        padded.Create(new Padded(1, 2));
        var inventory = new World();
        inventory.Create(new Inventory([]));

        Assert.Contains("padding", Assert.Throws<NotSupportedException>(() => padded.ComputeHash()).Message);
        Assert.Contains("references", Assert.Throws<NotSupportedException>(() => inventory.ComputeHash()).Message);
    }

    [Fact]
    public void Reference_holding_components_hash_by_their_own_rule()
    {
        static ulong HashOf(string name)
        {
            var world = new World();
            world.Create(new Name(name));
            return world.ComputeHash();
        }

        Assert.Equal(HashOf("school"), HashOf(new string("school".ToCharArray())));
        Assert.NotEqual(HashOf("school"), HashOf("shelter"));
    }

    /// <summary>Writes a world to bytes and reads it back, as a recording's snapshot does.</summary>
    internal static World SavedAndRead(World world)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            world.WriteSnapshot(writer);
        }
        bytes.Position = 0;
        using var reader = new BinaryReader(bytes);
        var read = World.ReadSnapshot(reader);
        Assert.Equal(bytes.Length, bytes.Position);
        return read;
    }

    [Fact]
    public void A_saved_world_reads_back_with_the_same_hash_and_behaves_the_same_afterwards()
    {
        var original = Town();
        var read = SavedAndRead(original);

        Assert.Equal(original.ComputeHash(), read.ComputeHash());
        Assert.Equal(original.Count, read.Count);
        foreach (var world in new[] { original, read })
        {
            // Freed ids are reused in the same order, and chunk order sets iteration order.
            for (int i = 0; i < 50; i++)
            {
                world.Create(new Position(-i, i), new Name($"late-{i}"));
            }
            world.Destroy(new Entity(1, 1));
        }
        Assert.Equal(original.ComputeHash(), read.ComputeHash());
        Assert.Equal(IterationOrder(original), IterationOrder(read));
    }

    private static List<Entity> IterationOrder(World world)
    {
        var order = new List<Entity>();
        foreach (var chunk in world.GetChunks(new QueryDescription().WithAll<Position>()))
        {
            order.AddRange(chunk.Entities.ToArray());
        }
        return order;
    }

    [Fact]
    public void Components_holding_references_need_a_snapshot_codec()
    {
        var world = new World();
        world.Create(new Inventory([1]));

        var error = Assert.Throws<NotSupportedException>(() => SavedAndRead(world));
        Assert.Contains("ISnapshotCodec", error.Message);
    }

    [Fact]
    public void A_snapshot_from_another_format_is_refused()
    {
        using var bytes = new MemoryStream(BitConverter.GetBytes(99));
        using var reader = new BinaryReader(bytes);

        Assert.Contains("format 99", Assert.Throws<InvalidDataException>(() => World.ReadSnapshot(reader)).Message);
    }
}
