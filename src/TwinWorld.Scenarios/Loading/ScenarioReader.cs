using System.Globalization;
using System.Numerics;
using TwinWorld.Scenarios.Model;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Terrain;
using TwinWorld.Simulation.Terrain.Files;
using TwinWorld.Simulation.Zones;
using YamlDotNet.RepresentationModel;
using SetWind = TwinWorld.Protocol.V1.SetWind;
using WorldCommand = TwinWorld.Protocol.V1.WorldCommand;

namespace TwinWorld.Scenarios.Loading;

/// <summary>
/// Turns a scenario's YAML tree into a <see cref="Scenario"/>, section by section, reporting every
/// problem it finds. References that need the map (zone names, points on the map, shelters) are
/// checked once the map is built.
/// </summary>
internal sealed partial class ScenarioReader
{
    public static readonly string[] TopKeys =
    [
        "scenario", "description", "seed", "tick_rate", "parameters", "map", "zones", "population", "alert_policy",
        "cameras", "weather", "events", "triggers", "metrics", "metrics_interval", "end",
    ];

    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private static readonly Dictionary<string, ZoneKind> ZoneKinds = new()
    {
        ["shelter"] = ZoneKind.Shelter, ["school"] = ZoneKind.School, ["workplace"] = ZoneKind.Workplace,
    };

    private static readonly Dictionary<string, Metric> Metrics = new()
    {
        ["evacuated"] = Metric.Evacuated, ["injured"] = Metric.Injured, ["incapacitated"] = Metric.Incapacitated,
        ["flooded_area"] = Metric.FloodedArea, ["max_depth"] = Metric.MaxDepth, ["burned_area"] = Metric.BurnedArea,
        ["damaged_buildings"] = Metric.DamagedBuildings,
    };

    private readonly NodeReader _read;
    private readonly string _directory;
    private readonly List<Action<Site>> _siteChecks = [];
    private readonly List<(string Name, YamlNode At)> _stops = [];
    private const int BuiltInKinds = 5;
    private int _ownKinds;
    private float? _waterCell;
    private readonly Dictionary<ZoneSpec, YamlNode> _zoneNodes = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _hazardNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _cameraNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _triggerNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<AfterCondition, YamlNode> _afterNodes = new(ReferenceEqualityComparer.Instance);
    private readonly List<TriggerSpec> _triggers = [];
    private readonly Dictionary<string, AgentKind> _kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["civilian"] = AgentKind.Civilian, ["child"] = AgentKind.Child, ["elderly"] = AgentKind.Elderly,
        ["vehicle"] = AgentKind.Vehicle, ["firefighter"] = AgentKind.Firefighter,
    };

    // Each kind's role and whether it is a vehicle, for groups based on it: the built-in kinds' (AgentProfiles), then each group's own.
    private readonly Dictionary<AgentKind, (AgentRole Role, bool Vehicle)> _kindLooks = new()
    {
        [AgentKind.Civilian] = (AgentRole.Resident, false), [AgentKind.Child] = (AgentRole.Child, false),
        [AgentKind.Elderly] = (AgentRole.Elderly, false), [AgentKind.Vehicle] = (AgentRole.Car, true),
        [AgentKind.Firefighter] = (AgentRole.Firefighter, false),
    };

    /// <summary>The name the world knows a kind by: a built-in kind's, or the population group that has it as its own.</summary>
    private string KindName(AgentKind kind)
        => (int)kind < BuiltInKinds ? kind.ToString().ToLowerInvariant() : _kinds.First(pair => pair.Value == kind).Key;

    public ScenarioReader(NodeReader read, string file)
    {
        _read = read;
        _directory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
    }

    public Scenario? Read(YamlNode root, string file, IReadOnlyDictionary<string, string> overrides, Func<MapSpec, YamlNode, Site?> buildMap)
    {
        var top = _read.Mapping(root, "the scenario", TopKeys, "scenario", "map", "end");
        if (top is null)
        {
            return null;
        }
        var parameters = ReadParameters(top["parameters"], overrides);
        string? name = top.Has("scenario") ? _read.Name(top["scenario"], "scenario") : null;
        string description = top.Has("description") ? _read.Text(top["description"], "description") ?? "" : "";
        ulong seed = top.Has("seed") ? (ulong)(_read.Integer(top["seed"], "seed", 0, int.MaxValue) ?? 1) : 1;
        double rate = top.Has("tick_rate") ? _read.Number(top["tick_rate"], "tick_rate", 1, 1000) ?? 20 : 20;
        var map = top.Has("map") ? ReadMap(top["map"]) : null;
        var zones = top.Has("zones") ? ReadList(top["zones"], "zones", ReadZone) : [];
        var population = top.Has("population") ? ReadList(top["population"], "population", ReadGroup) : [];
        var alert = top.Has("alert_policy") ? ReadAlertPolicy(top["alert_policy"]) : null;
        var cameras = top.Has("cameras") ? ReadList(top["cameras"], "cameras", n => ReadCommand("camera", n)?.Command.Camera) : [];
        var (wind, changes) = top.Has("weather") ? ReadWeather(top["weather"]) : (Calm, []);
        var events = top.Has("events") ? ReadList(top["events"], "events", ReadEvent) : [];
        var triggers = top.Has("triggers") ? ReadList(top["triggers"], "triggers", ReadTrigger) : [];
        var metrics = top.Has("metrics") ? ReadMetrics(top["metrics"]) : [.. Metrics.Values];
        var interval = top.Has("metrics_interval") ? _read.Duration(top["metrics_interval"], "metrics_interval", TimeSpan.FromSeconds(1), Day) : TimeSpan.FromMinutes(1);
        var end = top.Has("end") ? ReadEnd(top["end"]) : null;
        CheckStops();
        CheckAfters(end);

        // The map is built despite errors elsewhere, so that zone names and points off the map are reported with them, all at once.
        Site? site = null;
        if (map is not null)
        {
            site = buildMap(map, top["map"]!);
            if (site is not null)
            {
                site = WithZones(site, zones, _zoneNodes);
                _siteChecks.ForEach(check => check(site));
            }
        }
        if (_read.Errors.Count > 0 || site is null || name is null || end is null || interval is null)
        {
            return null;
        }
        return new Scenario(name, description, file, seed, rate, site, population, alert, cameras, wind,
            [.. events, .. changes], triggers, parameters, [.. metrics.Distinct()], interval.Value, end)
        {
            WaterCellSize = _waterCell,
        };
    }

    /// <summary>One action injected into a running scenario: references are checked against its map and kinds.</summary>
    public ActionSpec? ReadLive(YamlNode key, YamlNode value, Scenario scenario)
    {
        foreach (var group in scenario.Population)
        {
            _kinds.TryAdd(group.Name, group.Kind);
        }
        var action = ReadAction(key, value);
        _siteChecks.ForEach(check => check(scenario.Site));
        return action;
    }

    /// <summary>Reads every item of a list, keeping those that read cleanly.</summary>
    private List<T> ReadList<T>(YamlNode? node, string what, Func<YamlNode, T?> item)
    {
        var items = _read.Sequence(node, what);
        var result = new List<T>();
        foreach (var child in items ?? [])
        {
            if (item(child) is { } value)
            {
                result.Add(value);
            }
        }
        return result;
    }

    private List<ParameterSpec> ReadParameters(YamlNode? node, IReadOnlyDictionary<string, string> overrides)
    {
        var declared = new List<ParameterSpec>();
        if (node is not null && _read.Mapping(node, "parameters") is { } map)
        {
            foreach (string name in map.Keys)
            {
                if (ReadParameter(name, map.KeyNode(name), map[name]!, overrides) is { } parameter)
                {
                    declared.Add(parameter);
                    _read.Parameters[name] = parameter.Value;
                }
            }
        }
        foreach (string unknown in overrides.Keys.Where(k => declared.All(p => p.Name != k)))
        {
            _read.Error(1, 1, $"--set {unknown}: the scenario has no parameter '{unknown}'{Suggestions.For(unknown, declared.Select(p => p.Name))}"
                + (declared.Count == 0 ? "; it declares none" : $"; it declares: {string.Join(", ", declared.Select(p => p.Name))}"));
        }
        return declared;
    }

    private ParameterSpec? ReadParameter(string name, YamlNode key, YamlNode node, IReadOnlyDictionary<string, string> overrides)
    {
        string what = $"parameter '{name}'";
        if (!IdentifierPattern().IsMatch(name))
        {
            _read.Error(key, $"{what}: names are letters, digits and underscores, starting with a letter");
            return null;
        }
        var map = _read.Mapping(node, what, ["default", "min", "max", "description"], "default");
        if (map is null || !map.Has("default"))
        {
            return null;
        }
        string? text = (map["default"] as YamlScalarNode)?.Value?.Trim();
        if (text is null || text.StartsWith('$'))
        {
            _read.Error(map["default"], $"{what}: the default must be a plain value");
            return null;
        }
        bool isNumber = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        bool isDuration = !isNumber && Duration.TryParse(text, out _, out _);
        double? Bound(string key) => !map.Has(key) ? null
            : isDuration ? _read.Duration(map[key], $"{what} {key}", TimeSpan.Zero, Duration.Longest)?.TotalSeconds
            : _read.Number(map[key], $"{what} {key}", double.MinValue, double.MaxValue);
        double? min = Bound("min");
        double? max = Bound("max");
        if ((map.Has("min") || map.Has("max")) && !isNumber && !isDuration)
        {
            _read.Error(map.Node, $"{what}: only numbers and durations have a range (the default is '{text}')");
            return null;
        }
        string description = map.Has("description") ? _read.Text(map["description"], $"{what} description") ?? "" : "";
        if (RangeProblem(text, min, max, isDuration) is { } problem)
        {
            _read.Error(map["default"], $"{what}: the default {problem}");
            return null;
        }
        string value = text;
        if (overrides.TryGetValue(name, out var given))
        {
            given = given.Trim();
            string? notOfItsKind = isNumber ? (double.TryParse(given, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : "is not a number")
                : isDuration && !Duration.TryParse(given, out _, out string? durationProblem) ? durationProblem
                : null;
            string? overrideProblem = notOfItsKind ?? RangeProblem(given, min, max, isDuration);
            if (overrideProblem is not null)
            {
                _read.Error(1, 1, $"--set {name}={given}: the value {overrideProblem}");
            }
            value = given;
        }
        return new ParameterSpec(name, text, min, max, isDuration, description, value);
    }

    private static string? RangeProblem(string text, double? min, double? max, bool isDuration)
    {
        double value = isDuration
            ? (Duration.TryParse(text, out var d, out _) ? d.TotalSeconds : double.NaN)
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double n) ? n : double.NaN;
        if (double.IsNaN(value) || (min is null && max is null))
        {
            return null;
        }
        string Show(double v) => isDuration ? Duration.Format(TimeSpan.FromSeconds(v)) : v.ToString(CultureInfo.InvariantCulture);
        return value < (min ?? double.MinValue) || value > (max ?? double.MaxValue)
            ? $"{text} is outside the range {(min is { } lo ? Show(lo) : "-inf")} to {(max is { } hi ? Show(hi) : "+inf")}"
            : null;
    }

    private List<Metric> ReadMetrics(YamlNode? node)
    {
        var metrics = new List<Metric>();
        foreach (var item in _read.Sequence(node, "metrics") ?? [])
        {
            if (_read.Choice(item, "a metric", Metrics) is { } metric)
            {
                metrics.Add(metric);
            }
        }
        return metrics;
    }

    private MapSpec? ReadMap(YamlNode? node)
    {
        var map = _read.Mapping(node, "map", ["procedural", "terrain", "water_cell"]);
        if (map is null)
        {
            return null;
        }
        _waterCell = map.Has("water_cell") ? (float?)_read.Number(map["water_cell"], "map water_cell", 0.1, 1000) : null;
        if (map.Has("procedural") == map.Has("terrain"))
        {
            _read.Error(map.Node, "map needs exactly one of 'procedural' (the generated town) or 'terrain' (imported files)");
            return null;
        }
        if (map.Has("procedural"))
        {
            var town = _read.Mapping(map["procedural"], "map procedural", ["size", "seed", "shelters", "block_size"]);
            if (town is null)
            {
                return null;
            }
            var options = new ProceduralTownOptions
            {
                Size = town.Has("size") ? _read.Integer(town["size"], "map size", 128, 4096) ?? 512 : 512,
                Seed = town.Has("seed") ? (ulong)(_read.Integer(town["seed"], "map seed", 0, int.MaxValue) ?? 1) : 1,
                Shelters = town.Has("shelters") ? _read.Integer(town["shelters"], "map shelters", 1, 12) ?? 4 : 4,
                BlockSize = town.Has("block_size") ? (float)(_read.Number(town["block_size"], "map block_size", 30, 200) ?? 60) : 60,
            };
            return new ProceduralMap(options);
        }
        var files = _read.Mapping(map["terrain"], "map terrain", ["heightmap", "land_use", "cell_size", "min_elevation", "max_elevation"], "heightmap");
        string? heightmap = files?["heightmap"] is { } h ? _read.Name(h, "map heightmap") : null;
        if (files is null || heightmap is null)
        {
            return null;
        }
        return new ImportedMap(new TerrainImportOptions
        {
            HeightmapPath = Path.Combine(_directory, heightmap),
            LandUsePath = files.Has("land_use") && _read.Name(files["land_use"], "map land_use") is { } landUse ? Path.Combine(_directory, landUse) : null,
            CellSize = files.Has("cell_size") ? (float?)_read.Number(files["cell_size"], "map cell_size", 0.1, 1000) : null,
            MinElevation = files.Has("min_elevation") ? (float)(_read.Number(files["min_elevation"], "map min_elevation", -11000, 9000) ?? 0) : 0,
            MaxElevation = files.Has("max_elevation") ? (float)(_read.Number(files["max_elevation"], "map max_elevation", -11000, 9000) ?? 100) : 100,
        });
    }

    private ZoneSpec? ReadZone(YamlNode node)
    {
        var map = _read.Mapping(node, "a zone", ["name", "kind", "centre", "radius"], "name", "kind", "centre", "radius");
        if (map is null)
        {
            return null;
        }
        string? name = _read.Name(map["name"], "zone name");
        var kind = _read.Choice(map["kind"], "zone kind", ZoneKinds);
        var centre = OnMap(map["centre"], "zone centre");
        var radius = _read.Number(map["radius"], "zone radius", 1, 10_000);
        if (name is null || kind is null || centre is null || radius is null)
        {
            return null;
        }
        var zone = new ZoneSpec(name, kind.Value, new DiscArea(centre.Value, (float)radius));
        _zoneNodes[zone] = map["name"]!;
        return zone;
    }

    private PopulationGroup? ReadGroup(YamlNode node)
    {
        var map = _read.Mapping(node, "a population group", ["name", "kind", "role", "count", "area", "reaction_delay", "speed", "follows_alerts"], "kind", "count", "area");
        if (map is null)
        {
            return null;
        }
        var kind = _read.Choice(map["kind"], "population kind", _kinds);
        AgentRole? role = map.Has("role") ? _read.Choice(map["role"], "population role", AgentRoles.ByName) : null;
        string name = map.Has("name") ? _read.Name(map["name"], "population name") ?? "" : ((map["kind"] as YamlScalarNode)?.Value ?? "group");
        var count = _read.Integer(map["count"], "population count", 0, 1_000_000);
        var area = ReadArea(map["area"], "population area");
        float? delay = map.Has("reaction_delay") ? (float?)_read.Duration(map["reaction_delay"], "population reaction_delay", TimeSpan.Zero, Day)?.TotalSeconds : null;
        float? speed = map.Has("speed") ? (float?)_read.Number(map["speed"], "population speed", 0.1, 40) : null;
        bool? follows = map.Has("follows_alerts") ? _read.Flag(map["follows_alerts"], "population follows_alerts") : null;
        if (kind is null || count is null || area is null || (map.Has("role") && role is null))
        {
            return null;
        }
        var looks = _kindLooks[kind.Value];
        if (role is { } r && AgentRoles.IsVehicle(r) != looks.Vehicle)
        {
            var fitting = AgentRoles.ByName.Where(p => AgentRoles.IsVehicle(p.Value) == looks.Vehicle).Select(p => p.Key);
            _read.Error(map["role"], $"population role: '{AgentRoles.Name(r)}' does not fit kind '{(map["kind"] as YamlScalarNode)?.Value}', which is {(looks.Vehicle ? "a vehicle" : "people")}; "
                + $"it may be {string.Join(", ", fitting)}");
            return null;
        }
        // Same role as its kind already has: no change of look.
        role = role == looks.Role ? null : role;
        bool own = delay is not null || speed is not null || follows is not null || role is not null;
        if (own && !map.Has("name"))
        {
            _read.Error(map.Node, role is null || delay is not null || speed is not null || follows is not null
                ? "a population group that changes behaviour becomes its own kind and needs a 'name'"
                : "a population group with a role of its own becomes its own kind and needs a 'name'");
            return null;
        }
        // Registered after the built-in kinds, in the order of the groups that have their own.
        var groupKind = own ? (AgentKind)(BuiltInKinds + _ownKinds++) : kind.Value;
        if (map.Has("name") && !_kinds.TryAdd(name, groupKind))
        {
            _read.Error(map["name"], $"population name '{name}' is already a kind or another group's name");
        }
        _kindLooks.TryAdd(groupKind, (role ?? looks.Role, looks.Vehicle));
        return new PopulationGroup(name, kind.Value, groupKind, count.Value, area, delay, speed, follows) { Role = role };
    }

    /// <summary>low_ground, everywhere, {zone: name} or {centre: [x, y], radius: r}.</summary>
    private AreaSpec? ReadArea(YamlNode? node, string what)
    {
        if (node is YamlScalarNode)
        {
            return _read.Text(node, what) switch
            {
                "low_ground" => new LowGroundArea(),
                "everywhere" => new WholeMapArea(),
                null => null,
                var other => Invalid<AreaSpec>(node, $"{what}: '{other}' is not an area; use low_ground, everywhere, {{zone: name}} or {{centre: [x, y], radius: r}}{Suggestions.For(other, ["low_ground", "everywhere"])}"),
            };
        }
        var map = _read.Mapping(node, what, ["zone", "centre", "radius"]);
        if (map is null)
        {
            return null;
        }
        if (map.Has("zone") && !map.Has("centre") && !map.Has("radius"))
        {
            return ZoneReference(map["zone"]!, what, kind: null) is { } zone ? new ZoneArea(zone) : null;
        }
        if (!map.Has("zone") && map.Has("centre") && map.Has("radius"))
        {
            var centre = OnMap(map["centre"], $"{what} centre");
            var radius = _read.Number(map["radius"], $"{what} radius", 0.5, 100_000);
            return centre is null || radius is null ? null : new DiscArea(centre.Value, (float)radius);
        }
        return Invalid<AreaSpec>(node, $"{what} needs either 'zone' or both 'centre' and 'radius'");
    }

    private AlertPolicy? ReadAlertPolicy(YamlNode? node)
    {
        var map = _read.Mapping(node, "alert_policy", ["at", "after_first_hazard", "area", "shelter"]);
        if (map is null)
        {
            return null;
        }
        if (!map.Has("at") && !map.Has("after_first_hazard"))
        {
            _read.Error(map.Node, "alert_policy needs 'at' (a time) or 'after_first_hazard' (a delay), or both");
            return null;
        }
        var at = map.Has("at") ? _read.Duration(map["at"], "alert_policy at", TimeSpan.Zero, Day) : null;
        var after = map.Has("after_first_hazard") ? _read.Duration(map["after_first_hazard"], "alert_policy after_first_hazard", TimeSpan.Zero, Day) : null;
        var area = map.Has("area") ? ReadArea(map["area"], "alert_policy area") : new WholeMapArea();
        string? shelter = map.Has("shelter") ? ZoneReference(map["shelter"]!, "alert_policy shelter", ZoneKind.Shelter) : null;
        return area is null ? null : new AlertPolicy(at, after, area, shelter);
    }

    /// <summary>No wind: a scenario without weather.</summary>
    private static readonly CommandAction Calm = new(new WorldCommand { Wind = new SetWind { Speed = 0, From = 0 } });

    private (CommandAction Initial, List<TimedAction> Changes) ReadWeather(YamlNode? node)
    {
        var map = _read.Mapping(node, "weather", ["wind", "changes"]);
        var initial = map?["wind"] is { } wind ? ReadCommand("wind", wind) : null;
        var changes = new List<TimedAction>();
        if (map?["changes"] is { } list)
        {
            changes = ReadList(list, "weather changes", change =>
            {
                // A change is a wind command with its time beside it: {at: 10m, speed: 12, from: 270}.
                var entry = _read.Mapping(change, "a wind change", ["at", "speed", "from"], "at");
                var at = entry is null ? null : _read.Duration(entry["at"], "wind change at", TimeSpan.Zero, Day);
                var to = entry is null ? null : ReadCommand("wind", new YamlMappingNode(entry.Node.Children.Where(c => (c.Key as YamlScalarNode)?.Value != "at")));
                return at is null || to is null ? null : new TimedAction(at.Value, to);
            });
        }
        return (initial ?? Calm, changes);
    }

    private TimedAction? ReadEvent(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            _read.Error(node, "an event must be a mapping with 'at' and one action, such as {at: 2m, fire: {at: [500, 400]}}");
            return null;
        }
        var atEntry = map.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == "at");
        var actions = map.Children.Where(c => (c.Key as YamlScalarNode)?.Value != "at").ToList();
        if (atEntry.Key is null)
        {
            _read.Error(map, "an event needs 'at' (when it happens)");
        }
        if (actions.Count != 1)
        {
            _read.Error(map, $"an event needs exactly one action besides 'at' (got {actions.Count}); actions: {string.Join(", ", ActionKeys)}");
            return null;
        }
        var at = atEntry.Key is null ? null : _read.Duration(atEntry.Value, "event at", TimeSpan.Zero, Day);
        var action = ReadAction(actions[0].Key, actions[0].Value);
        return at is null || action is null ? null : new TimedAction(at.Value, action);
    }

    private TriggerSpec? ReadTrigger(YamlNode node)
    {
        var map = _read.Mapping(node, "a trigger", ["name", "when", "repeat", "edge", "delay", "do"], "name", "when", "do");
        if (map is null)
        {
            return null;
        }
        string? name = _read.Name(map["name"], "trigger name");
        bool twice = name is not null && !_triggerNames.Add(name);
        if (twice)
        {
            _read.Error(map["name"], $"trigger name '{name}' is used twice");
        }
        var when = ReadConditionGroups(map["when"], $"trigger '{name}' when");
        bool repeat = map.Has("repeat") && (_read.Flag(map["repeat"], "trigger repeat") ?? false);
        var edge = map.Has("edge") ? _read.Choice(map["edge"], "trigger edge", new Dictionary<string, bool> { ["rising"] = false, ["level"] = true }) : false;
        var delay = map.Has("delay") ? _read.Duration(map["delay"], "trigger delay", TimeSpan.Zero, Day) : TimeSpan.Zero;
        var actions = ReadActions(map["do"], $"trigger '{name}' do");
        if (name is null || twice || when is null || edge is null || delay is null || actions is null)
        {
            return null;
        }
        var trigger = new TriggerSpec(name, when, repeat, edge.Value, delay.Value, actions);
        _triggers.Add(trigger);
        return trigger;
    }

    private EndSpec? ReadEnd(YamlNode? node)
    {
        var map = _read.Mapping(node, "end", ["after", "when"], "after");
        if (map is null)
        {
            return null;
        }
        var after = _read.Duration(map["after"], "end after", TimeSpan.FromSeconds(1), TimeSpan.FromDays(7));
        var when = map.Has("when") ? ReadConditionGroups(map["when"], "end when") : [];
        return after is null || when is null ? null : new EndSpec(after.Value, when);
    }

    /// <summary>A zone name that must exist once the map is built (and be of a kind, if given).</summary>
    private string? ZoneReference(YamlNode node, string what, ZoneKind? kind)
    {
        string? name = _read.Name(node, what);
        if (name is not null)
        {
            _siteChecks.Add(site =>
            {
                var zone = site.Zones.Find(name);
                var candidates = site.Zones.Zones.Where(z => kind is null || z.Kind == kind).Select(z => z.Name).ToList();
                if (zone is null || (kind is not null && zone.Kind != kind))
                {
                    _read.Error(node, $"{what}: there is no {(kind is null ? "zone" : kind.ToString()!.ToLowerInvariant())} named '{name}'{Suggestions.For(name, candidates)}; the map has: {string.Join(", ", candidates)}");
                }
            });
        }
        return name;
    }

    private Vector2? OnMap(YamlNode? node, string what)
    {
        var point = _read.Point(node, what);
        if (point is { } p && node is not null)
        {
            _siteChecks.Add(site => CheckOnMap(site, node, p, what));
        }
        return point;
    }

    private void CheckOnMap(Site site, YamlNode at, Vector2 point, string what)
    {
        if (site.Terrain.IndexAt(point) < 0)
        {
            _read.Error(at, $"{what} [{point.X}, {point.Y}] is off the map, which spans [0, 0] to [{site.Terrain.WidthMetres}, {site.Terrain.HeightMetres}] m");
        }
    }

    /// <summary>
    /// A trigger whose every group waits for a time past the scenario's end can never fire. (One such group
    /// among others is an alternative that does not come, which is allowed.)
    /// </summary>
    private void CheckAfters(EndSpec? end)
    {
        if (end is null)
        {
            return;
        }
        foreach (var trigger in _triggers)
        {
            var late = trigger.AnyOf.Select(g => g.OfType<AfterCondition>().FirstOrDefault(a => a.Time > end.After)).ToList();
            if (late.All(a => a is not null) && late.FirstOrDefault() is { } first)
            {
                _read.Error(_afterNodes[first], $"trigger '{trigger.Name}' can never fire: after {Duration.Format(first.Time)} never comes, as the scenario ends after {Duration.Format(end.After)}");
            }
        }
    }

    private void CheckStops()
    {
        foreach (var (name, at) in _stops.Where(s => !_hazardNames.Contains(s.Name)))
        {
            _read.Error(at, $"stop: no hazard named '{name}' is started by this scenario{Suggestions.For(name, _hazardNames)}"
                + (_hazardNames.Count == 0 ? " (give hazards a 'name' to stop them)" : $" (named hazards: {string.Join(", ", _hazardNames.Order())})"));
        }
    }

    private Site WithZones(Site site, List<ZoneSpec> extra, Dictionary<ZoneSpec, YamlNode> nodes)
    {
        if (extra.Count == 0)
        {
            return site;
        }
        var terrain = site.Terrain;
        var zones = site.Zones.Zones.ToList();
        foreach (var spec in extra)
        {
            if (zones.Any(z => string.Equals(z.Name, spec.Name, StringComparison.OrdinalIgnoreCase)))
            {
                _read.Error(nodes[spec], $"zone name '{spec.Name}' is taken (the map has: {string.Join(", ", zones.Select(z => z.Name))})");
                continue;
            }
            var inside = spec.Area.Cells(site);
            int[] cells = [.. Enumerable.Range(0, terrain.CellCount).Where(c => inside(c) && terrain.IsWalkable(c))];
            zones.Add(new Zone(zones.Count, spec.Name, spec.Kind, spec.Area.Centre, cells));
        }
        return new Site(terrain, new ZoneMap(terrain.CellCount, zones));
    }

    private T? Invalid<T>(YamlNode? at, string message) where T : class
    {
        _read.Error(at, message);
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial System.Text.RegularExpressions.Regex IdentifierPattern();
}
