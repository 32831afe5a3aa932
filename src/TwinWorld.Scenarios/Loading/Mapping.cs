using YamlDotNet.RepresentationModel;

namespace TwinWorld.Scenarios.Loading;

/// <summary>A YAML mapping whose keys have been checked: look values up by key.</summary>
internal sealed class Mapping(YamlMappingNode node, IReadOnlyDictionary<string, (YamlNode Key, YamlNode Value)> entries)
{
    public YamlMappingNode Node { get; } = node;

    public IEnumerable<string> Keys => entries.Keys;

    public bool Has(string key) => entries.ContainsKey(key);

    /// <summary>The value under a key, or null if it is absent (readers report a missing value where it matters).</summary>
    public YamlNode? this[string key] => entries.TryGetValue(key, out var entry) ? entry.Value : null;

    public YamlNode KeyNode(string key) => entries[key].Key;
}
