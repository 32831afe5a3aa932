using System.Buffers.Binary;
using System.Collections.Immutable;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Protocol.Tiles;

/// <summary>
/// The hazard grids (water depth, fire, building damage) as tiles: only tiles with a non-zero cell are held, a missing
/// tile is all zero. Immutable and cheap to derive from another (<see cref="With"/> shares what it does
/// not replace), so every view of the state stream holds one and two views compare tile by reference.
/// </summary>
public sealed class HazardGrid
{
    private readonly ImmutableSortedDictionary<int, GridTile> _tiles;

    private HazardGrid(ImmutableSortedDictionary<int, GridTile> tiles) => _tiles = tiles;

    public static HazardGrid Empty { get; } = new(ImmutableSortedDictionary<int, GridTile>.Empty);

    /// <summary>Tiles with a non-zero cell, by key.</summary>
    public IEnumerable<GridTile> Tiles => _tiles.Values;

    public int TileCount => _tiles.Count;

    public GridTile? Find(int key) => _tiles.GetValueOrDefault(key);

    /// <summary>This grid with tiles replaced: a null value, or an all-zero tile, clears its key.</summary>
    public HazardGrid With(IEnumerable<KeyValuePair<int, GridTile?>> changes)
    {
        var builder = _tiles.ToBuilder();
        foreach (var (key, tile) in changes)
        {
            if (tile is null || tile.IsZero)
            {
                builder.Remove(key);
            }
            else
            {
                builder[key] = tile;
            }
        }
        return new(builder.ToImmutable());
    }

    /// <summary>Keys whose tiles differ between two grids (by reference: the server reuses unchanged tiles), in key order.</summary>
    public static List<int> ChangedKeys(HazardGrid from, HazardGrid to)
    {
        var changed = new List<int>();
        if (ReferenceEquals(from, to))
        {
            return changed;
        }
        using var a = from._tiles.GetEnumerator();
        using var b = to._tiles.GetEnumerator();
        bool hasA = a.MoveNext(), hasB = b.MoveNext();
        while (hasA || hasB)
        {
            if (!hasB || (hasA && a.Current.Key < b.Current.Key))
            {
                changed.Add(a.Current.Key);
                hasA = a.MoveNext();
            }
            else if (!hasA || b.Current.Key < a.Current.Key)
            {
                changed.Add(b.Current.Key);
                hasB = b.MoveNext();
            }
            else
            {
                if (!ReferenceEquals(a.Current.Value, b.Current.Value))
                {
                    changed.Add(a.Current.Key);
                }
                (hasA, hasB) = (a.MoveNext(), b.MoveNext());
            }
        }
        return changed;
    }

    /// <summary>Flood water on land at a cell, in 1/<see cref="Quantisation.WaterDepthUnitsPerMetre"/> m.</summary>
    public int WaterDepthUnits(int cellX, int cellY)
    {
        var tile = CellTile(HazardLayer.WaterDepth, cellX, cellY, out int offset);
        return tile is null ? 0 : BinaryPrimitives.ReadUInt16LittleEndian(tile.Cells[(offset * 2)..]);
    }

    /// <summary>The fire at a cell: <see cref="GridTile.NoFire"/>, <see cref="GridTile.Burning"/> or <see cref="GridTile.BurnedOut"/>.</summary>
    public byte Fire(int cellX, int cellY) => CellTile(HazardLayer.Fire, cellX, cellY, out int offset)?.Cells[offset] ?? 0;

    /// <summary>The wind damage to a building at a cell: 0 none up to 4 destroyed (the simulation's damage states).</summary>
    public byte BuildingDamage(int cellX, int cellY) => CellTile(HazardLayer.BuildingDamage, cellX, cellY, out int offset)?.Cells[offset] ?? 0;

    /// <summary>Equal grids hash equal (on both sides of the wire).</summary>
    internal void AddTo(ref ViewHasher hash)
    {
        hash.Add(_tiles.Count);
        foreach (var tile in _tiles.Values)
        {
            hash.Add((long)tile.ContentHash);
        }
    }

    private GridTile? CellTile(HazardLayer layer, int cellX, int cellY, out int offset)
    {
        offset = ((cellY % GridTile.Size) * GridTile.Size) + (cellX % GridTile.Size);
        int x = cellX / GridTile.Size, y = cellY / GridTile.Size;
        return cellX < 0 || cellY < 0 || x >= GridTile.MaxTiles || y >= GridTile.MaxTiles ? null : Find(GridTile.KeyOf(layer, x, y));
    }
}
