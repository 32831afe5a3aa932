using System.Globalization;
using System.Text;

namespace TwinWorld.Server.Tests.Metrics;

/// <summary>A reader of the Prometheus text format (0.0.4), strict enough to reject what a Prometheus server would.</summary>
internal sealed class Exposition
{
    public Dictionary<string, string> Types { get; } = [];

    public Dictionary<string, string> Help { get; } = [];

    public List<(string Name, Dictionary<string, string> Labels, double Value)> Samples { get; } = [];

    public static Exposition Parse(string text)
    {
        var result = new Exposition();
        Assert.EndsWith("\n", text);
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line[7..].Split(' ');
                Assert.Contains(parts[1], new[] { "counter", "gauge", "histogram", "summary", "untyped" });
                Assert.True(result.Types.TryAdd(parts[0], parts[1]), $"a second TYPE for {parts[0]}");
                continue;
            }
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                int space = line.IndexOf(' ', 7);
                result.Help[line[7..space]] = line[(space + 1)..].Replace("\\n", "\n").Replace("\\\\", "\\");
                continue;
            }
            result.Samples.Add(ParseSample(line));
        }
        return result;
    }

    public double Value(string name, params (string Key, string Value)[] labels)
        => Samples.Single(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).Value;

    private static (string, Dictionary<string, string>, double) ParseSample(string line)
    {
        int i = 0;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or ':'))
        {
            i++;
        }
        string name = line[..i];
        Assert.Matches("^[a-zA-Z_:][a-zA-Z0-9_:]*$", name);
        var labels = new Dictionary<string, string>();
        if (line[i] == '{')
        {
            i++;
            while (line[i] != '}')
            {
                int equals = line.IndexOf('=', i);
                string key = line[i..equals];
                Assert.Matches("^[a-zA-Z_][a-zA-Z0-9_]*$", key);
                Assert.Equal('"', line[equals + 1]);
                var value = new StringBuilder();
                for (i = equals + 2; line[i] != '"'; i++)
                {
                    if (line[i] == '\\')
                    {
                        i++;
                        value.Append(line[i] switch { 'n' => '\n', '\\' => '\\', '"' => '"', var c => throw new FormatException($"bad escape \\{c}") });
                    }
                    else
                    {
                        value.Append(line[i]);
                    }
                }
                labels.Add(key, value.ToString());
                i++;
                if (line[i] == ',')
                {
                    i++;
                }
            }
            i++;
        }
        Assert.Equal(' ', line[i]);
        string number = line[(i + 1)..];
        double parsed = number switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return (name, labels, parsed);
    }
}
