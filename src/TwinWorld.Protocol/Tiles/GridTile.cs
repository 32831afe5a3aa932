using System.IO.Compression;
using TwinWorld.Protocol.State;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Protocol.Tiles;

/// <summary>
/// One square of a hazard grid, <see cref="Size"/> cells a side, row by row from its lowest x and y:
/// water depth as little-endian uint16 in 1/<see cref="Quantisation.WaterDepthUnitsPerMetre"/> m, or a
/// fire byte (<see cref="NoFire"/>, <see cref="Burning"/>, <see cref="BurnedOut"/>), or a building-damage
/// byte (0 none up to 4 destroyed, the simulation's damage states). Immutable: the
/// server reuses a tile object while its cells stay the same, so a changed tile is a new reference.
/// </summary>
public sealed class GridTile
{
    public const int Size = 32;

    public const byte NoFire = 0, Burning = 1, BurnedOut = 2;

    /// <summary>Tile columns and rows are below this (a site of 4096 cells has 128).</summary>
    public const int MaxTiles = 1 << 14;

    /// <summary>The largest tile's cells, all zero, to compare against (SequenceEqual is vectorised on every target).</summary>
    private static readonly byte[] Zeros = new byte[Size * Size * 2];

    private readonly byte[] _cells;
    private byte[]? _deflated;
    private ulong _hash;

    /// <param name="cells">Exactly <see cref="BytesPerTile"/> bytes; the tile keeps the array.</param>
    public GridTile(HazardLayer layer, int x, int y, byte[] cells)
    {
        if (x is < 0 or >= MaxTiles || y is < 0 or >= MaxTiles)
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"Tile ({x}, {y}) is outside 0 to {MaxTiles - 1}.");
        }
        if (cells.Length != BytesPerTile(layer))
        {
            throw new ArgumentException($"A {layer} tile has {BytesPerTile(layer)} bytes, not {cells.Length}.", nameof(cells));
        }
        (Layer, X, Y, _cells) = (layer, x, y, cells);
    }

    public HazardLayer Layer { get; }

    public int X { get; }

    public int Y { get; }

    /// <summary>Where the tile sits in a <see cref="HazardGrid"/>: layer, row and column in one sortable number.</summary>
    public int Key => KeyOf(Layer, X, Y);

    public ReadOnlySpan<byte> Cells => _cells;

    /// <summary>A hash of the cells, for view hashes; computed once.</summary>
    public ulong ContentHash
    {
        get
        {
            if (_hash == 0)
            {
                var hash = new ViewHasher();
                hash.Add(Key);
                foreach (long word in System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(_cells))
                {
                    hash.Add(word);
                }
                _hash = hash.Value | 1;
            }
            return _hash;
        }
    }

    public static int BytesPerTile(HazardLayer layer) => Size * Size * (layer == HazardLayer.WaterDepth ? 2 : 1);

    public static int KeyOf(HazardLayer layer, int x, int y) => ((int)layer << 28) | (y << 14) | x;

    public bool IsZero => _cells.AsSpan().SequenceEqual(Zeros.AsSpan(0, _cells.Length));

    public bool SameCells(ReadOnlySpan<byte> cells) => _cells.AsSpan().SequenceEqual(cells);

    /// <summary>The cells deflated, as a <see cref="HazardTile"/> carries them; made once, on first use.</summary>
    public ReadOnlySpan<byte> Deflated()
    {
        if (_deflated is null)
        {
            using var buffer = new MemoryStream();
            using (var deflate = new DeflateStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                deflate.Write(_cells);
            }
            _deflated = buffer.ToArray();
        }
        return _deflated;
    }

    /// <summary>
    /// The tile a message carries, or null for an all-zero tile; <paramref name="problem"/> says why a
    /// message is not a tile (a bad layer or position, data that does not inflate to exactly one tile).
    /// </summary>
    public static GridTile? Inflate(HazardTile message, out string? problem)
    {
        problem = null;
        if (!Enum.IsDefined(typeof(HazardLayer), message.Layer))
        {
            problem = $"hazard layer {(int)message.Layer} is unknown";
            return null;
        }
        if (message.X >= MaxTiles || message.Y >= MaxTiles)
        {
            problem = $"tile ({message.X}, {message.Y}) is out of range";
            return null;
        }
        if (message.Cells.IsEmpty)
        {
            return null;
        }
        var cells = new byte[BytesPerTile(message.Layer)];
        try
        {
            using var deflate = new DeflateStream(new MemoryStream(message.Cells.ToByteArray()), CompressionMode.Decompress);
            ReadExactly(deflate, cells);
            // Exactly one tile: anything more is not a tile (and a bound on what a hostile stream inflates to).
            if (deflate.ReadByte() >= 0)
            {
                problem = $"a {message.Layer} tile inflates to more than {cells.Length} bytes";
                return null;
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            problem = $"a {message.Layer} tile does not inflate to {cells.Length} bytes: {e.Message}";
            return null;
        }
        return new GridTile(message.Layer, (int)message.X, (int)message.Y, cells);
    }

    /// <summary>Fills <paramref name="cells"/> or throws <see cref="EndOfStreamException"/> (Stream.ReadExactly is net7+).</summary>
    private static void ReadExactly(Stream stream, byte[] cells)
    {
        for (int read = 0, got; read < cells.Length; read += got)
        {
            got = stream.Read(cells, read, cells.Length - read);
            if (got == 0)
            {
                throw new EndOfStreamException($"the data ends after {read} bytes");
            }
        }
    }
}
