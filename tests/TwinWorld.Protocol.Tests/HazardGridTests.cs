using System.IO.Compression;
using Google.Protobuf;
using TwinWorld.Protocol.Bits;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.Tiles;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Protocol.Tests;

public class HazardGridTests
{
    [Fact]
    public void Changed_tiles_travel_deflated_and_the_mirror_rebuilds_the_grid_cell_for_cell()
    {
        var random = new Random(8);
        var writer = new BitWriter();
        var mirror = new StateMirror();
        var grid = HazardGrid.Empty;
        StateView? previous = null;
        for (long tick = 0; tick < 60; tick++)
        {
            // A flood spreading and draining and a fire front moving, a few tiles at a time; unchanged tiles keep their object.
            var changes = new List<KeyValuePair<int, GridTile?>>();
            for (int i = random.Next(0, 4); i > 0; i--)
            {
                var tile = RandomTile(random);
                changes.Add(new(tile.Key, random.NextDouble() < 0.2 ? null : tile));
            }
            grid = grid.With(changes);
            var view = new StateView(tick, [], [], [], grid: grid);
            var update = StateUpdates.Encode(previous, view, writer);

            Assert.Equal(HazardGrid.ChangedKeys(previous?.Grid ?? HazardGrid.Empty, grid).Count, update.Tiles.Count);
            Assert.Equal(MirrorStatus.Applied, mirror.Apply(update));
            Assert.Equal(view.ComputeHash(), mirror.Latest!.ComputeHash());
            for (int y = 0; y < 4 * GridTile.Size; y += 3)
            {
                for (int x = 0; x < 4 * GridTile.Size; x += 5)
                {
                    Assert.Equal(grid.WaterDepthUnits(x, y), mirror.Latest.Grid.WaterDepthUnits(x, y));
                    Assert.Equal(grid.Fire(x, y), mirror.Latest.Grid.Fire(x, y));
                }
            }
            previous = view;
        }
        Assert.True(grid.TileCount > 5);
    }

    [Fact]
    public void A_flooded_tile_is_a_fraction_of_its_raw_size_on_the_wire()
    {
        var cells = new byte[GridTile.BytesPerTile(HazardLayer.WaterDepth)];
        for (int i = 0; i < cells.Length / 2; i++)
        {
            // A depth rising smoothly across the tile, as a flood's edge does.
            BitConverter.TryWriteBytes(cells.AsSpan(i * 2), (ushort)Math.Max(0, (i % GridTile.Size) - 10));
        }
        var tile = new GridTile(HazardLayer.WaterDepth, 3, 4, cells);

        Assert.True(tile.Deflated().Length < cells.Length / 4, $"{tile.Deflated().Length} of {cells.Length} bytes");
        var back = GridTile.Inflate(StateUpdates.Tile(tile.Key, tile), out string? problem);
        Assert.Null(problem);
        Assert.True(back!.SameCells(cells));
        Assert.Equal((3, 4), (back.X, back.Y));
        Assert.Equal(12 * Quantisation.WaterDepthUnitsPerMetre, Quantisation.WaterDepth(12.01f));
        Assert.Equal(0, Quantisation.WaterDepth(float.NaN));
    }

    [Fact]
    public void Tiles_that_are_not_tiles_are_rejected_with_a_reason()
    {
        var mirror = new StateMirror();
        var bomb = Deflate(new byte[1 << 20]); // a megabyte of zeros: far more than a tile
        var shortTile = Deflate(new byte[100]);
        var bad = new HazardTile[]
        {
            new() { Layer = HazardLayer.Fire, X = 1, Y = 1, Cells = ByteString.CopyFrom(1, 2, 3, 4) },
            new() { Layer = HazardLayer.Fire, X = 1, Y = 1, Cells = ByteString.CopyFrom(bomb) },
            new() { Layer = HazardLayer.WaterDepth, X = 1, Y = 1, Cells = ByteString.CopyFrom(shortTile) },
            new() { Layer = (HazardLayer)7, X = 1, Y = 1 },
            new() { Layer = HazardLayer.Fire, X = GridTile.MaxTiles, Y = 1 },
        };
        for (int i = 0; i < bad.Length; i++)
        {
            var update = new StateUpdate { Tick = (ulong)i, Agents = ByteString.CopyFrom(Empty()) };
            update.Tiles.Add(bad[i]);
            Assert.Equal(MirrorStatus.Rejected, mirror.Apply(update));
            Assert.False(string.IsNullOrEmpty(mirror.LastProblem));
        }
        Assert.Null(mirror.Latest);
    }

    private static GridTile RandomTile(Random random)
    {
        var layer = (HazardLayer)random.Next(3);
        var cells = new byte[GridTile.BytesPerTile(layer)];
        int from = random.Next(cells.Length);
        for (int i = from; i < Math.Min(cells.Length, from + random.Next(1, 300)); i++)
        {
            cells[i] = (byte)(layer switch { HazardLayer.Fire => random.Next(1, 3), HazardLayer.BuildingDamage => random.Next(1, 5), _ => random.Next(256) });
        }
        return new GridTile(layer, random.Next(4), random.Next(4), cells);
    }

    private static byte[] Deflate(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Fastest))
        {
            deflate.Write(data);
        }
        return buffer.ToArray();
    }

    /// <summary>An agent stream with no agents: three empty runs.</summary>
    private static byte[] Empty()
    {
        var writer = new BitWriter();
        AgentDeltaCodec.Encode([], [], writer);
        return writer.ToArray();
    }
}
