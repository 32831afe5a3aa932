using System.Globalization;
using System.Text;

namespace TwinWorld.Net.Sessions;

/// <summary>
/// Text a client sent (its name, hazard names, actions), made safe to log: control and formatting characters
/// become <c>\u001b</c>-style escapes, so a name with ESC or CR cannot recolour a terminal, forge a log line or
/// reorder one (bidirectional overrides). Every place client text reaches a log goes through <see cref="Escaped"/>.
/// </summary>
public static class ClientText
{
    public static string Escaped(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(Unsafe))
        {
            return text ?? "";
        }
        var escaped = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            if (Unsafe(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                escaped.Append(c);
            }
        }
        return escaped.ToString();
    }

    private static bool Unsafe(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
