using Google.Protobuf;
using Google.Protobuf.Reflection;
using TwinWorld.Protocol.Commands;
using TwinWorld.Protocol.V1;
using TwinWorld.Scenarios.Model;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Zones;
using YamlDotNet.RepresentationModel;

namespace TwinWorld.Scenarios.Loading;

/// <summary>
/// The world's commands (commands.proto) from their YAML actions: the key is the command's field name in
/// WorldCommand, its keys are the message's field names, and each value is read by the field's declared
/// rule, so a new command or field needs no code here.
/// </summary>
internal sealed partial class ScenarioReader
{
    /// <summary>The action keys that are world commands, in declaration order.</summary>
    public static readonly string[] CommandKeys = [.. WorldCommand.Descriptor.Oneofs[0].Fields.Select(f => f.Name)];

    /// <summary>Every action key: the commands, then the scenario's own (the end).</summary>
    public static readonly string[] ActionKeys = [.. CommandKeys, "end"];

    private CommandAction? ReadCommand(string key, YamlNode node)
    {
        var kind = WorldCommand.Descriptor.FindFieldByName(key);
        var descriptor = kind.MessageType;
        var message = descriptor.Parser.ParseFrom(ByteString.Empty);
        var fields = descriptor.Fields.InDeclarationOrder();
        bool ok = true;
        if (node is YamlScalarNode && fields.Count == 1)
        {
            ok = ReadField(message, fields[0], node, key); // stop: harbour-fire
        }
        else
        {
            var required = fields.Where(f => CommandRules.RuleOf(f) is { Required: true }).Select(f => f.Name).ToArray();
            var map = _read.Mapping(node, key, [.. fields.Select(f => f.Name)], required);
            if (map is null)
            {
                return null;
            }
            foreach (var field in fields.Where(f => map.Has(f.Name)))
            {
                ok &= ReadField(message, field, map[field.Name]!, $"{key} {field.Name}");
            }
            ok &= required.All(map.Has);
        }
        if (!ok)
        {
            return null;
        }
        var command = new WorldCommand();
        kind.Accessor.SetValue(command, message);
        if (CommandHandlers.ProblemAlone(CommandRules.Completed(command)) is { } problem)
        {
            _read.Error(node, $"{key}: {problem}");
            return null;
        }
        return new CommandAction(command);
    }

    /// <summary>One field's value by its rule: numbers in range (seconds as durations), points on the map, areas, names of what exists.</summary>
    private bool ReadField(IMessage message, FieldDescriptor field, YamlNode node, string what)
    {
        var rule = CommandRules.RuleOf(field) ?? new FieldRule();
        object? value = field.FieldType switch
        {
            FieldType.Float when rule.Unit == "s" => Seconds(node, what, rule),
            FieldType.Float => RuledNumber(node, what, rule),
            FieldType.UInt32 => _read.Integer(node, what, rule.HasMin ? (int)rule.Min : 0, rule.HasMax ? (int)rule.Max : int.MaxValue) is { } count ? (uint)count : null,
            FieldType.String => Text(node, what, rule) is { } text ? Named(node, what, rule.Names, text) : null,
            FieldType.Enum => _read.Choice(node, what, EnumChoices(field.EnumType)) is { } number ? number : null,
            FieldType.Message when field.MessageType == Point.Descriptor => OnMap(node, what) is { } p ? Point.Of(p) : null,
            FieldType.Message when field.MessageType == Point3.Descriptor => InTheAir(node, what),
            FieldType.Message when field.MessageType == Resolution.Descriptor => ReadTuple(Resolution.Descriptor, node, what),
            FieldType.Message when field.MessageType == Area.Descriptor => ReadArea(node, what)?.ToMessage(),
            _ => throw new NotSupportedException($"{what}: no YAML form for a {field.FieldType} field; teach {nameof(ReadField)} one"),
        };
        if (value is not null)
        {
            field.Accessor.SetValue(message, value);
        }
        return value is not null;
    }

    /// <summary>A text that names something (<see cref="FieldRule.Names"/>): checked that it exists, or that a new name is unique.</summary>
    private string? Named(YamlNode node, string what, string names, string text) => names switch
    {
        "new_hazard" => NewHazardName(node, text),
        "hazard" => StopName(node, text),
        "shelter" => ZoneReference(node, what, ZoneKind.Shelter),
        "zone" => ZoneReference(node, what, kind: null),
        "agent_kind" => _read.Choice(node, what, _kinds) is { } kind ? KindName(kind) : null,
        "new_camera" => NewCameraName(node, text),
        "" => text,
        _ => throw new NotSupportedException($"{what}: the rule names '{names}', which the loader does not know; teach {nameof(Named)} it"),
    };

    private object? RuledNumber(YamlNode node, string what, FieldRule rule)
    {
        if (_read.Number(node, what, double.MinValue, double.MaxValue) is not { } value)
        {
            return null;
        }
        if (CommandRules.RangeProblem(rule, value) is { } problem)
        {
            _read.Error(node, $"{what} {problem}");
            return null;
        }
        return (float)value;
    }

    private object? Seconds(YamlNode node, string what, FieldRule rule)
        => _read.Duration(node, what, TimeSpan.FromSeconds(rule.HasMin ? rule.Min : 0), TimeSpan.FromSeconds(rule.HasMax ? rule.Max : Simulation.Duration.Longest.TotalSeconds))
            is { } duration ? (float)duration.TotalSeconds : null;

    /// <summary>A name within its rule's length.</summary>
    private string? Text(YamlNode node, string what, FieldRule rule)
    {
        string? text = _read.Name(node, what);
        if (text is not null && CommandRules.TextProblem(rule, text) is { } problem)
        {
            _read.Error(node, $"{what} {problem}");
            return null;
        }
        return text;
    }

    /// <summary>An enum's values by the names scenario files write ("fixed" for PLACED_CAMERA_MODE_FIXED), as the numbers protobuf sets.</summary>
    private static Dictionary<string, int> EnumChoices(EnumDescriptor type)
        => type.Values.ToDictionary(v => CommandRules.EnumName(type, v), v => v.Number);

    /// <summary>[x, y, z]: a point over the map at a height.</summary>
    private Point3? InTheAir(YamlNode node, string what)
    {
        var values = _read.Numbers(node, what, 3, "[x, y, z]");
        if (values is null)
        {
            return null;
        }
        var p = new System.Numerics.Vector2((float)values[0], (float)values[1]);
        _siteChecks.Add(site => CheckOnMap(site, node, p, what));
        return Point3.Of(new System.Numerics.Vector3(p, (float)values[2]));
    }

    /// <summary>A message of whole numbers written as a list in field order ([width, height]), each by its field's rule.</summary>
    private IMessage? ReadTuple(MessageDescriptor descriptor, YamlNode node, string what)
    {
        var fields = descriptor.Fields.InDeclarationOrder();
        string shape = $"[{string.Join(", ", fields.Select(f => f.Name))}]";
        if (node is not YamlSequenceNode list || list.Children.Count != fields.Count)
        {
            _read.Error(node, $"{what} must be {shape}");
            return null;
        }
        var message = descriptor.Parser.ParseFrom(ByteString.Empty);
        bool ok = true;
        foreach (var (field, item) in fields.Zip(list.Children))
        {
            ok &= ReadField(message, field, item, $"{what} {field.Name}");
        }
        return ok ? message : null;
    }

    /// <summary>The name a new camera takes: unique in the scenario, so frames and subscriptions name one camera.</summary>
    private string? NewCameraName(YamlNode node, string name)
    {
        if (!_cameraNames.Add(name))
        {
            _read.Error(node, $"camera name '{name}' is used twice");
            return null;
        }
        return name;
    }

    /// <summary>The name of a hazard to stop; that a hazard of that name starts somewhere in the scenario is checked at the end.</summary>
    private string StopName(YamlNode node, string name)
    {
        _stops.Add((name, node));
        return name;
    }

    /// <summary>The name a new hazard takes: unique in the scenario, so a stop names one hazard.</summary>
    private string? NewHazardName(YamlNode node, string name)
    {
        if (!_hazardNames.Add(name))
        {
            _read.Error(node, $"hazard name '{name}' is used twice");
            return null;
        }
        return name;
    }
}
