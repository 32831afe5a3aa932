using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TwinWorld.Scenarios.Loading;

/// <summary>
/// What YAML may do before its node tree is built, checked on the parser's flat stream of events. Nesting:
/// YamlDotNet builds the tree by recursion, and 30,000 open brackets overflow the stack, which no catch
/// survives. Aliases: each stands for its anchor's whole node, so nine levels of nine aliases (a "billion
/// laughs") make a 1 KB file a billion nodes for every reader that walks the tree; an alias inside the node it
/// names makes the tree a loop.
/// </summary>
internal static class YamlLimits
{
    /// <summary>Far deeper than any scenario nests (about six levels), far shallower than the stack allows.</summary>
    public const int MaxDepth = 64;

    /// <summary>Nodes all aliases together may stand for: a scenario that shares a few areas uses hundreds.</summary>
    public const int MaxAliasedNodes = 100_000;

    /// <summary>Where the YAML first breaks a limit and how, or null; bad YAML is left to the loader to report.</summary>
    public static (Mark At, string Problem)? Check(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        // Nodes so far with every alias counted as its anchor's node; an anchored node's size is the count's growth over it.
        long nodes = 0, aliased = 0;
        var open = new Stack<(AnchorName Anchor, long NodesBefore)>();
        var sizes = new Dictionary<AnchorName, long>();
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias when open.Any(o => o.Anchor == alias.Value):
                        return (alias.Start, $"the alias *{alias.Value} is inside the node it names, which makes a loop");
                    case AnchorAlias alias:
                        long size = sizes.GetValueOrDefault(alias.Value, 1);
                        nodes += size;
                        if ((aliased += size) > MaxAliasedNodes)
                        {
                            return (alias.Start, $"aliases expand the file past {MaxAliasedNodes:N0} nodes by here; write the shared parts out, or share fewer");
                        }
                        break;
                    case Scalar scalar:
                        nodes++;
                        if (!scalar.Anchor.IsEmpty)
                        {
                            sizes[scalar.Anchor] = 1;
                        }
                        break;
                    case MappingStart or SequenceStart:
                        if (open.Count == MaxDepth)
                        {
                            return (parser.Current.Start, $"nested more than {MaxDepth} levels deep; a scenario needs a handful");
                        }
                        open.Push((((NodeEvent)parser.Current).Anchor, nodes++));
                        break;
                    case MappingEnd or SequenceEnd:
                        var (anchor, before) = open.Pop();
                        if (!anchor.IsEmpty)
                        {
                            sizes[anchor] = nodes - before;
                        }
                        break;
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
