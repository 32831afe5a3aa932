using System.Globalization;

namespace TwinWorld.Cli.Sweeps;

/// <summary>Comma-separated values as RFC 4180 has them: a field with a comma, quote or line break is quoted, quotes doubled.</summary>
internal static class Csv
{
    public static string Row(IEnumerable<string> fields) => string.Join(",", fields.Select(Field));

    /// <summary>
    /// A number with a point, to 12 significant digits (so 0.95 x 3 is 2.85, not 2.8499999999999996);
    /// empty when there is none (NaN).
    /// </summary>
    public static string Number(double value) => double.IsNaN(value) ? ""
        : double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    private static string Field(string text) => text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
