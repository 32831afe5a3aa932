using System.Buffers.Binary;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.Tiles;
using TwinWorld.Protocol.V1;
using TwinWorld.Simulation.Hazards.Fire;
using TwinWorld.Simulation.Hazards.Wind;
using Sim = TwinWorld.Simulation.Simulator;

namespace TwinWorld.Net.State;

/// <summary>
/// Quantises the water depth on land, the fire and the building damage into <see cref="GridTile"/>s on the tick thread. A
/// tile whose cells are as they were keeps its object, so the network thread finds changed tiles by
/// reference. Water is read only once a tsunami has set it moving, fire only inside the fire's extent,
/// building damage only when it has grown.
/// </summary>
internal sealed class HazardGridBuilder
{
    private readonly byte[] _water = new byte[GridTile.BytesPerTile(HazardLayer.WaterDepth)];
    private readonly byte[] _fire = new byte[GridTile.BytesPerTile(HazardLayer.Fire)];
    private readonly byte[] _damage = new byte[GridTile.BytesPerTile(HazardLayer.BuildingDamage)];
    private readonly List<KeyValuePair<int, GridTile?>> _changes = [];
    private HazardGrid _grid = HazardGrid.Empty;
    private int[] _damageCounts = [];

    public HazardGrid Build(Sim simulation)
    {
        var terrain = simulation.Site.Terrain;
        var hazards = simulation.Hazards;
        int tilesX = (terrain.Width + GridTile.Size - 1) / GridTile.Size, tilesY = (terrain.Height + GridTile.Size - 1) / GridTile.Size;
        _changes.Clear();
        var water = hazards.Water;
        for (int ty = 0; ty < tilesY; ty++)
        {
            for (int tx = 0; tx < tilesX; tx++)
            {
                if (hazards.Water.Moving)
                {
                    Array.Clear(_water);
                    var (x0, x1, y0, y1) = Cells(terrain.Width, terrain.Height, tx, ty);
                    for (int y = y0; y < y1; y++)
                    {
                        for (int x = x0, cell = (y * terrain.Width) + x0; x < x1; x++, cell++)
                        {
                            float depth = water.DepthAt(cell);
                            if (depth > 0 && hazards.Flood.IsLand(cell))
                            {
                                BinaryPrimitives.WriteUInt16LittleEndian(_water.AsSpan(2 * (((y - y0) * GridTile.Size) + x - x0)), Quantisation.WaterDepth(depth));
                            }
                        }
                    }
                    Compare(HazardLayer.WaterDepth, tx, ty, _water);
                }
                else if (_grid.Find(GridTile.KeyOf(HazardLayer.WaterDepth, tx, ty)) is not null)
                {
                    _changes.Add(new(GridTile.KeyOf(HazardLayer.WaterDepth, tx, ty), null));
                }
            }
        }
        var fire = hazards.Fire;
        // Every cell the fire has reached lies inside its extent, so tiles outside it stay all zero.
        for (int ty = Math.Max(0, fire.MinY) / GridTile.Size; fire.MinX <= fire.MaxX && ty <= Math.Min(fire.MaxY, terrain.Height - 1) / GridTile.Size; ty++)
        {
            for (int tx = Math.Max(0, fire.MinX) / GridTile.Size; tx <= Math.Min(fire.MaxX, terrain.Width - 1) / GridTile.Size; tx++)
            {
                Fill(HazardLayer.Fire, tx, ty, terrain.Width, terrain.Height, _fire, cell => fire.State(cell) switch
                {
                    FireState.Burning => GridTile.Burning,
                    FireState.BurnedOut => GridTile.BurnedOut,
                    _ => GridTile.NoFire,
                });
            }
        }
        var buildings = hazards.Buildings;
        // Damage only grows, so any new damage changes how many cells are in some state: while those counts
        // stay as last read, so do the tiles, and the whole site is read only on ticks that damaged a building.
        int[] damageCounts = [.. Enum.GetValues<DamageState>().Select(buildings.CellsIn)];
        if (!_damageCounts.SequenceEqual(damageCounts))
        {
            _damageCounts = damageCounts;
            for (int ty = 0; ty < tilesY; ty++)
            {
                for (int tx = 0; tx < tilesX; tx++)
                {
                    Fill(HazardLayer.BuildingDamage, tx, ty, terrain.Width, terrain.Height, _damage, cell => (byte)buildings.At(cell));
                }
            }
        }
        if (_changes.Count > 0)
        {
            _grid = _grid.With(_changes);
        }
        return _grid;
    }

    /// <summary>Writes a one-byte-per-cell tile from the simulation's cells and compares it with the held one.</summary>
    private void Fill(HazardLayer layer, int tx, int ty, int width, int height, byte[] cells, Func<int, byte> value)
    {
        Array.Clear(cells);
        var (x0, x1, y0, y1) = Cells(width, height, tx, ty);
        for (int y = y0; y < y1; y++)
        {
            for (int x = x0, cell = (y * width) + x0; x < x1; x++, cell++)
            {
                cells[((y - y0) * GridTile.Size) + x - x0] = value(cell);
            }
        }
        Compare(layer, tx, ty, cells);
    }

    private void Compare(HazardLayer layer, int tx, int ty, byte[] cells)
    {
        int key = GridTile.KeyOf(layer, tx, ty);
        var held = _grid.Find(key);
        bool zero = !cells.AsSpan().ContainsAnyExcept((byte)0);
        if (held is null ? !zero : !held.SameCells(cells))
        {
            _changes.Add(new(key, zero ? null : new GridTile(layer, tx, ty, (byte[])cells.Clone())));
        }
    }

    /// <summary>The cells of a tile that lie on the site: x from x0 up to x1, y from y0 up to y1.</summary>
    private static (int X0, int X1, int Y0, int Y1) Cells(int width, int height, int tx, int ty)
    {
        int x0 = tx * GridTile.Size, y0 = ty * GridTile.Size;
        return (x0, Math.Min(x0 + GridTile.Size, width), y0, Math.Min(y0 + GridTile.Size, height));
    }
}
