using System.Globalization;
using System.Net;

namespace TwinWorld.Replay.Reports;

/// <summary>Writing HTML and SVG text safely: every piece of text goes through <see cref="Text"/>.</summary>
internal static class Markup
{
    /// <summary>Escapes text for element content and quoted attributes (both quote kinds), in HTML and in XML.</summary>
    public static string Text(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A coordinate or length for SVG: invariant, at most two decimals.</summary>
    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
