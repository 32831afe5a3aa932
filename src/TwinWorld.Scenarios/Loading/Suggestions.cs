namespace TwinWorld.Scenarios.Loading;

/// <summary>"Did you mean" for misspelled keys and names: the closest known word by edit distance, if close enough.</summary>
internal static class Suggestions
{
    public static string For(string word, IEnumerable<string> known)
    {
        var best = known
            .Select(k => (Known: k, Distance: Distance(word.ToLowerInvariant(), k.ToLowerInvariant())))
            .OrderBy(c => c.Distance).ThenBy(c => c.Known, StringComparer.Ordinal)
            .FirstOrDefault();
        // Close enough to be a slip: at most a third of the word, and at least one edit allowed.
        return best.Known is not null && best.Distance <= Math.Max(1, word.Length / 3) ? $" (did you mean '{best.Known}'?)" : "";
    }

    /// <summary>Levenshtein distance with adjacent transpositions (optimal string alignment).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
