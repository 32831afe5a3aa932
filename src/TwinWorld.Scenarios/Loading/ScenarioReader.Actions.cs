using TwinWorld.Scenarios.Model;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Zones;
using YamlDotNet.RepresentationModel;

namespace TwinWorld.Scenarios.Loading;

/// <summary>Actions (timeline events, trigger actions, live injections) and conditions (triggers, the end).</summary>
internal sealed partial class ScenarioReader
{
    public static readonly string[] ConditionKeys =
    [
        "after", "fire_near", "flood_near", "evacuated", "injured", "incapacitated", "flooded_area", "max_depth", "burned_area", "damaged_buildings",
    ];

    /// <summary>A list of single-key mappings, each an action: [{fire: {...}}, {alert: {...}}].</summary>
    private List<ActionSpec>? ReadActions(YamlNode? node, string what)
    {
        var items = _read.Sequence(node, what);
        if (items is null)
        {
            return null;
        }
        var actions = new List<ActionSpec>();
        foreach (var item in items)
        {
            if (item is not YamlMappingNode map || map.Children.Count != 1)
            {
                _read.Error(item, $"{what}: each action is a mapping with one key, such as {{fire: {{at: [500, 400]}}}}; actions: {string.Join(", ", ActionKeys)}");
                continue;
            }
            var (key, value) = map.Children.First();
            if (ReadAction(key, value) is { } action)
            {
                actions.Add(action);
            }
        }
        return actions;
    }

    /// <summary>One action, named by its key.</summary>
    public ActionSpec? ReadAction(YamlNode keyNode, YamlNode node)
    {
        string key = (keyNode as YamlScalarNode)?.Value ?? "";
        switch (key)
        {
            case "end":
                return _read.Text(node, "end (the reason)") is { } reason ? new EndAction(reason) : null;
            case var command when CommandKeys.Contains(command):
                return ReadCommand(command, node);
            default:
                _read.Error(keyNode, $"unknown action '{key}'{Suggestions.For(key, ActionKeys)}; actions: {string.Join(", ", ActionKeys)}");
                return null;
        }
    }

    /// <summary>A list of AND groups (each a mapping of conditions), any of which may hold: an OR of ANDs.</summary>
    private List<IReadOnlyList<ConditionSpec>>? ReadConditionGroups(YamlNode? node, string what)
    {
        var groups = _read.Sequence(node, what);
        if (groups is null)
        {
            return null;
        }
        var result = new List<IReadOnlyList<ConditionSpec>>();
        bool ok = true;
        foreach (var group in groups)
        {
            var map = _read.Mapping(group, $"{what} (a group of conditions that must all hold)", ConditionKeys);
            if (map is null)
            {
                ok = false;
                continue;
            }
            if (!map.Keys.Any())
            {
                _read.Error(group, $"{what}: a group needs at least one condition; conditions: {string.Join(", ", ConditionKeys)}");
                ok = false;
                continue;
            }
            var conditions = map.Keys.Select(k => ReadCondition(k, map[k]!)).ToList();
            ok &= conditions.All(c => c is not null);
            result.Add([.. conditions.Where(c => c is not null).Select(c => c!)]);
        }
        return ok ? result : null;
    }

    private ConditionSpec? ReadCondition(string key, YamlNode node)
    {
        switch (key)
        {
            case "after":
                if (_read.Duration(node, "after", TimeSpan.Zero, Duration.Longest) is not { } time)
                {
                    return null;
                }
                var after = new AfterCondition(time);
                _afterNodes[after] = node;
                return after;
            case "fire_near":
            case "flood_near":
            {
                var map = _read.Mapping(node, key, ["zone", "centre", "radius", "within"], "within");
                var within = map is null ? null : _read.Number(map["within"], $"{key} within (m)", 0, 100_000);
                AreaSpec? area = null;
                if (map is not null)
                {
                    var place = new YamlMappingNode(map.Node.Children.Where(c => (c.Key as YamlScalarNode)?.Value != "within"));
                    area = map.Has("zone") || map.Has("centre") ? ReadArea(place, key) : Invalid<AreaSpec>(map.Node, $"{key} needs 'zone' or 'centre' (and 'radius'): near what?");
                }
                return area is null || within is null ? null
                    : key == "fire_near" ? new FireNearCondition(area, (float)within) : new FloodNearCondition(area, (float)within);
            }
            default:
            {
                var metric = Metrics[key];
                var map = _read.Mapping(node, key, ["at_least", "below"]);
                if (map is null)
                {
                    return null;
                }
                if (!map.Has("at_least") && !map.Has("below"))
                {
                    _read.Error(map.Node, $"{key} needs 'at_least' or 'below' (or both)");
                    return null;
                }
                var (least, leastPercent, leastOk) = Threshold(map["at_least"], key, metric);
                var (below, belowPercent, belowOk) = Threshold(map["below"], key, metric);
                if (map.Has("at_least") && map.Has("below") && leastPercent != belowPercent)
                {
                    _read.Error(map.Node, $"{key}: give both thresholds as percentages or both as numbers");
                    return null;
                }
                if (least is { } low && below is { } high && low >= high)
                {
                    _read.Error(map.Node, $"{key}: at_least {low} and below {high} can never both hold");
                    return null;
                }
                return leastOk && belowOk ? new MetricCondition(metric, least, below, leastPercent || belowPercent) : null;
            }
        }
    }

    /// <summary>A number, or for people a percentage such as 50%.</summary>
    private (double? Value, bool Percent, bool Ok) Threshold(YamlNode? node, string key, Metric metric)
    {
        if (node is null)
        {
            return (null, false, true);
        }
        string? text = _read.Text(node, key);
        if (text is not null && text.EndsWith('%'))
        {
            if (!MetricValues.CountsPeople(metric))
            {
                _read.Error(node, $"{key}: only counts of people (evacuated, injured, incapacitated) can be percentages");
                return (null, true, false);
            }
            var percent = _read.Number(node, text[..^1], $"{key} percentage", 0, 100);
            return (percent, true, percent is not null);
        }
        var value = text is null ? null : _read.Number(node, key, 0, double.MaxValue);
        return (value, false, value is not null);
    }
}
