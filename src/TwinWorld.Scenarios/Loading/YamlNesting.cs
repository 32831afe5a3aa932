using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TwinWorld.Scenarios.Loading;

/// <summary>
/// How deep YAML nests, measured on the parser's flat stream of events before the node tree is built:
/// YamlDotNet builds that tree by recursion, and 30,000 open brackets overflow the stack, which no
/// catch survives.
/// </summary>
internal static class YamlNesting
{
    /// <summary>Far deeper than any scenario nests (about six levels), far shallower than the stack allows.</summary>
    public const int MaxDepth = 64;

    /// <summary>Where the nesting first goes deeper than <see cref="MaxDepth"/>, or null; bad YAML is left to the loader to report.</summary>
    public static Mark? TooDeep(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        int depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is MappingStart or SequenceStart && ++depth > MaxDepth)
                {
                    return parser.Current.Start;
                }
                if (parser.Current is MappingEnd or SequenceEnd)
                {
                    depth--;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // Not valid YAML: the loader's own parse finds and reports where.
        }
        return null;
    }
}
