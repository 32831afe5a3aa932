using System.Globalization;

namespace TwinWorld.Simulation.Terrain.Files;

/// <summary>
/// An ESRI ASCII grid (.asc): a header of ncols, nrows, xllcorner|xllcenter, yllcorner|yllcenter,
/// cellsize and optional NODATA_value, then nrows lines of ncols numbers, the first line northmost.
/// </summary>
public sealed record AsciiGrid(int Columns, int Rows, double CellSize, double? NoData, double[] Values)
{
    private static readonly string[] RequiredKeys = ["ncols", "nrows", "cellsize"];

    private static readonly HashSet<string> HeaderKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "ncols", "nrows", "xllcorner", "yllcorner", "xllcenter", "yllcenter", "cellsize", "NODATA_value",
    };

    public static AsciiGrid Read(string path)
    {
        TerrainFileException.ThrowIfUnreadable(path);
        using var reader = new StreamReader(path);
        var header = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        int lineNumber = 0;
        string? line;
        var values = new List<double>();
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }
            if (values.Count == 0 && char.IsLetter(words[0][0]) && !double.TryParse(words[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                if (!HeaderKeys.Contains(words[0]))
                {
                    throw new TerrainFileException($"{path}:{lineNumber}", $"unknown header key '{words[0]}' (known: {string.Join(", ", HeaderKeys)})");
                }
                if (words.Length != 2 || !double.TryParse(words[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    throw new TerrainFileException($"{path}:{lineNumber}", $"header line '{line.Trim()}' should be a key and a number");
                }
                header[words[0]] = value;
                continue;
            }
            foreach (string word in words)
            {
                if (!double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    throw new TerrainFileException($"{path}:{lineNumber}", $"'{word}' is not a number");
                }
                values.Add(value);
            }
        }
        foreach (string key in RequiredKeys)
        {
            if (!header.ContainsKey(key))
            {
                throw new TerrainFileException(path, $"the header has no '{key}' line");
            }
        }
        int columns = (int)header["ncols"];
        int rows = (int)header["nrows"];
        if (columns < 2 || rows < 2)
        {
            throw new TerrainFileException(path, $"ncols and nrows must be at least 2 (got {columns} x {rows})");
        }
        if (values.Count != (long)columns * rows)
        {
            throw new TerrainFileException(path, $"expected {columns} x {rows} = {columns * rows} values, found {values.Count}");
        }
        double? noData = header.TryGetValue("NODATA_value", out double nd) ? nd : null;
        return new AsciiGrid(columns, rows, header["cellsize"], noData, [.. values]);
    }

    public bool IsNoData(double value) => NoData is { } nd && (value == nd || (double.IsNaN(nd) && double.IsNaN(value)));
}
