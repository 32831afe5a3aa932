using System.Buffers.Binary;
using System.IO.Hashing;
using System.IO.Compression;
using System.Text;

namespace TwinWorld.Simulation.Terrain.Files;

/// <summary>
/// The parts of PNG that heightmaps and maps need: reading 8- and 16-bit grayscale images, and
/// writing grayscale, RGB and RGBA ones (to files, or to bytes for reports that embed them). Chunk CRCs are checked; unsupported variants are refused by name.
/// </summary>
public static class Png
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Reads a grayscale PNG as samples (0 to 255 or 0 to 65535), row 0 at the top.</summary>
    public static GrayImage ReadGray(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        try
        {
            return ReadGray(file);
        }
        catch (InvalidDataException e)
        {
            throw new TerrainFileException(path, e.Message, e);
        }
    }

    public static GrayImage ReadGray(ReadOnlySpan<byte> file)
    {
        if (file.Length < 8 || !file[..8].SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG file (bad signature)");
        }
        int width = 0, height = 0, depth = 0;
        using var idat = new MemoryStream();
        int at = 8;
        while (true)
        {
            if (at + 12 > file.Length)
            {
                throw new InvalidDataException("truncated: no IEND chunk");
            }
            int length = BinaryPrimitives.ReadInt32BigEndian(file[at..]);
            if (length < 0 || length > file.Length - at - 12)
            {
                throw new InvalidDataException($"truncated chunk at byte {at}");
            }
            var type = file.Slice(at + 4, 4);
            var data = file.Slice(at + 8, length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(file[(at + 8 + length)..]);
            string name = Encoding.ASCII.GetString(type);
            if (ChunkCrc(type, data) != crc)
            {
                throw new InvalidDataException($"chunk {name} at byte {at} has a bad CRC (corrupt file)");
            }
            at += 12 + length;
            switch (name)
            {
                case "IHDR":
                    if (length != 13)
                    {
                        throw new InvalidDataException($"the IHDR chunk is {length} bytes long; it must be 13");
                    }
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    depth = data[8];
                    int colour = data[9];
                    if (colour != 0 || (depth != 8 && depth != 16))
                    {
                        throw new InvalidDataException($"only 8- or 16-bit grayscale PNGs are supported (this one has colour type {colour}, bit depth {depth})");
                    }
                    if (data[12] != 0)
                    {
                        throw new InvalidDataException("interlaced PNGs are not supported; save it without interlacing");
                    }
                    if (width <= 0 || height <= 0 || (long)width * height > 64_000_000)
                    {
                        throw new InvalidDataException($"image size {width} x {height} is out of range");
                    }
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    if (width == 0)
                    {
                        throw new InvalidDataException("no IHDR chunk");
                    }
                    return Decode(idat.ToArray(), width, height, depth);
            }
        }
    }

    public static void WriteGray16(string path, int width, int height, ReadOnlySpan<ushort> samples) =>
        File.WriteAllBytes(path, EncodeGray16(width, height, samples));

    public static void WriteGray8(string path, int width, int height, ReadOnlySpan<byte> samples) =>
        File.WriteAllBytes(path, EncodeGray8(width, height, samples));

    /// <summary>Writes 8-bit RGB, three bytes per pixel, row 0 at the top.</summary>
    public static void WriteRgb(string path, int width, int height, ReadOnlySpan<byte> rgb) =>
        File.WriteAllBytes(path, EncodeRgb(width, height, rgb));

    /// <summary>Encodes 16-bit grayscale samples, row 0 at the top.</summary>
    public static byte[] EncodeGray16(int width, int height, ReadOnlySpan<ushort> samples)
    {
        CheckSize(width, height, samples.Length, 1);
        var bytes = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(i * 2), samples[i]);
        }
        return Encode(width, height, depth: 16, colour: 0, bytesPerPixel: 2, bytes);
    }

    /// <summary>Encodes 8-bit grayscale samples, one byte per pixel, row 0 at the top.</summary>
    public static byte[] EncodeGray8(int width, int height, ReadOnlySpan<byte> samples)
    {
        CheckSize(width, height, samples.Length, 1);
        return Encode(width, height, depth: 8, colour: 0, bytesPerPixel: 1, samples);
    }

    /// <summary>Encodes 8-bit RGB, three bytes per pixel, row 0 at the top.</summary>
    public static byte[] EncodeRgb(int width, int height, ReadOnlySpan<byte> rgb)
    {
        CheckSize(width, height, rgb.Length, 3);
        return Encode(width, height, depth: 8, colour: 2, bytesPerPixel: 3, rgb);
    }

    /// <summary>Encodes 8-bit RGBA (straight, not premultiplied, alpha), four bytes per pixel, row 0 at the top.</summary>
    public static byte[] EncodeRgba(int width, int height, ReadOnlySpan<byte> rgba)
    {
        CheckSize(width, height, rgba.Length, 4);
        return Encode(width, height, depth: 8, colour: 6, bytesPerPixel: 4, rgba);
    }

    private static GrayImage Decode(byte[] compressed, int width, int height, int depth)
    {
        int bytesPerPixel = depth / 8;
        int stride = width * bytesPerPixel;
        var raw = new byte[height * (stride + 1)];
        using (var inflate = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress))
        {
            try
            {
                inflate.ReadExactly(raw);
            }
            catch (EndOfStreamException)
            {
                throw new InvalidDataException($"the image data is shorter than {width} x {height} pixels (truncated file)");
            }
        }
        var samples = new ushort[width * height];
        var previous = new byte[stride];
        var current = new byte[stride];
        for (int y = 0; y < height; y++)
        {
            int filter = raw[y * (stride + 1)];
            raw.AsSpan((y * (stride + 1)) + 1, stride).CopyTo(current);
            Unfilter(filter, current, previous, bytesPerPixel, y);
            for (int x = 0; x < width; x++)
            {
                samples[(y * width) + x] = depth == 16 ? BinaryPrimitives.ReadUInt16BigEndian(current.AsSpan(x * 2)) : current[x];
            }
            (previous, current) = (current, previous);
        }
        return new GrayImage(width, height, depth, samples);
    }

    private static void Unfilter(int filter, Span<byte> row, ReadOnlySpan<byte> above, int bpp, int y)
    {
        for (int i = 0; i < row.Length; i++)
        {
            int left = i >= bpp ? row[i - bpp] : 0;
            int up = above[i];
            int upLeft = i >= bpp ? above[i - bpp] : 0;
            row[i] += filter switch
            {
                0 => 0,
                1 => (byte)left,
                2 => (byte)up,
                3 => (byte)((left + up) / 2),
                4 => Paeth(left, up, upLeft),
                _ => throw new InvalidDataException($"row {y} has unknown filter type {filter}"),
            };
        }
    }

    private static byte Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
    }

    private static void CheckSize(int width, int height, int length, int channels)
    {
        if (width <= 0 || height <= 0 || (long)width * height * channels != length)
        {
            throw new ArgumentException($"{length} samples do not make a {width} x {height} image of {channels} channel(s).");
        }
    }

    /// <summary>Filters each row with whichever of the five filters leaves the smallest residuals, then deflates.</summary>
    private static byte[] Encode(int width, int height, byte depth, byte colour, int bytesPerPixel, ReadOnlySpan<byte> pixels)
    {
        int stride = width * bytesPerPixel;
        var raw = new byte[height * (stride + 1)];
        var above = new byte[stride];
        var best = new byte[stride];
        var trial = new byte[stride];
        for (int y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * stride, stride);
            long bestCost = long.MaxValue;
            int bestFilter = 0;
            for (int filter = 0; filter <= 4; filter++)
            {
                long cost = Filter(filter, row, above, bytesPerPixel, trial);
                if (cost < bestCost)
                {
                    (bestCost, bestFilter) = (cost, filter);
                    (best, trial) = (trial, best);
                }
            }
            raw[y * (stride + 1)] = (byte)bestFilter;
            best.CopyTo(raw.AsSpan((y * (stride + 1)) + 1));
            row.CopyTo(above);
        }
        using var output = new MemoryStream();
        output.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = depth;
        header[9] = colour;
        WriteChunk(output, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var deflate = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                deflate.Write(raw);
            }
            WriteChunk(output, "IDAT", compressed.ToArray());
        }
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>Filters a row into <paramref name="filtered"/>; returns the sum of the residuals as signed bytes (the usual heuristic).</summary>
    private static long Filter(int filter, ReadOnlySpan<byte> row, ReadOnlySpan<byte> above, int bpp, Span<byte> filtered)
    {
        long cost = 0;
        for (int i = 0; i < row.Length; i++)
        {
            int left = i >= bpp ? row[i - bpp] : 0;
            int up = above[i];
            int upLeft = i >= bpp ? above[i - bpp] : 0;
            byte value = (byte)(row[i] - filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                _ => Paeth(left, up, upLeft),
            });
            filtered[i] = value;
            cost += Math.Abs((int)(sbyte)value);
        }
        return cost;
    }

    private static void WriteChunk(Stream output, string name, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        var type = Encoding.ASCII.GetBytes(name);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, ChunkCrc(type, data));
        output.Write(word);
    }

    /// <summary>A chunk's CRC-32 (the polynomial PNG and zlib use), over its type and data.</summary>
    private static uint ChunkCrc(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var crc = new Crc32();
        crc.Append(type);
        crc.Append(data);
        return crc.GetCurrentHashAsUInt32();
    }
}
