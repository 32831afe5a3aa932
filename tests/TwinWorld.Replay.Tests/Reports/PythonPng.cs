using System.Diagnostics;

namespace TwinWorld.Replay.Tests.Reports;

/// <summary>
/// A PNG decoder that shares nothing with ours: a few lines of Python over Debian's /usr/bin/python3
/// and its zlib (chunk CRCs checked with zlib.crc32, rows unfiltered by the PNG specification).
/// </summary>
internal static class PythonPng
{
    public const string Python = "/usr/bin/python3";

    private const string Script = """
        import struct, sys, zlib
        data = open(sys.argv[1], 'rb').read()
        assert data[:8] == b'\x89PNG\r\n\x1a\n', 'bad signature'
        at, idat, chunks = 8, b'', []
        while at < len(data):
            length, kind = struct.unpack('>I4s', data[at:at + 8])
            body = data[at + 8:at + 8 + length]
            crc, = struct.unpack('>I', data[at + 8 + length:at + 12 + length])
            assert zlib.crc32(kind + body) & 0xffffffff == crc, 'bad CRC in ' + kind.decode()
            chunks.append(kind.decode())
            if kind == b'IHDR':
                width, height, depth, colour, _, _, interlace = struct.unpack('>IIBBBBB', body)
            elif kind == b'IDAT':
                idat += body
            at += 12 + length
        assert chunks[0] == 'IHDR' and chunks[-1] == 'IEND', chunks
        bpp = {0: 1, 2: 3, 4: 2, 6: 4}[colour] * depth // 8
        stride = width * bpp
        raw = zlib.decompress(idat)
        assert len(raw) == height * (stride + 1), 'wrong amount of image data'
        out, previous, filters = bytearray(), bytearray(stride), set()
        for y in range(height):
            f = raw[y * (stride + 1)]
            filters.add(f)
            row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
            for i in range(stride):
                a = row[i - bpp] if i >= bpp else 0
                b = previous[i]
                c = previous[i - bpp] if i >= bpp else 0
                if f == 0: p = 0
                elif f == 1: p = a
                elif f == 2: p = b
                elif f == 3: p = (a + b) // 2
                elif f == 4:
                    e = a + b - c
                    pa, pb, pc = abs(e - a), abs(e - b), abs(e - c)
                    p = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                else: raise ValueError('filter %d' % f)
                row[i] = (row[i] + p) & 0xff
            out += row
            previous = row
        print(width, height, colour, depth)
        print(' '.join(str(f) for f in sorted(filters)))
        print(out.hex())
        """;

    /// <summary>Decodes a PNG: its header, the filter types its rows used, and the unfiltered pixel bytes.</summary>
    public static (int Width, int Height, int Colour, int Depth, int[] Filters, byte[] Pixels) Decode(byte[] png)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: tools/setup.sh installs python3-minimal");
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, png);
            var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(Script);
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"python could not decode the PNG: {error.Result}");
            var lines = output.Split('\n');
            var header = lines[0].Split(' ').Select(int.Parse).ToArray();
            var filters = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
            return (header[0], header[1], header[2], header[3], filters, Convert.FromHexString(lines[2].Trim()));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
