using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;
using TwinWorld.Protocol.Commands;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Scenarios.Schema;

/// <summary>
/// The part of scenarios/schema.json that describes the world's commands, generated from commands.proto
/// (field names, rules, summaries) so the editors' schema cannot drift from what the loader reads. The
/// rest of the schema is written by hand and refers to these as <c>#/$defs/&lt;action key&gt;</c>.
/// </summary>
public static class CommandSchema
{
    /// <summary>The schema with its command definitions replaced by ones generated now (the argument is unchanged).</summary>
    public static JsonObject WithCommands(JsonObject schema)
    {
        var copy = (JsonObject)schema.DeepClone();
        var defs = copy["$defs"] as JsonObject ?? throw new InvalidDataException("the schema has no $defs");
        foreach (var kind in WorldCommand.Descriptor.Oneofs[0].Fields)
        {
            defs[kind.Name] = Command(kind.MessageType);
        }
        return copy;
    }

    /// <summary>The schema as the file writes it: two-space indents, a newline at the end.</summary>
    public static string Text(JsonObject schema)
        => schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    private static JsonObject Command(MessageDescriptor message)
    {
        var fields = message.Fields.InDeclarationOrder();
        var properties = new JsonObject();
        foreach (var field in fields)
        {
            properties[field.Name] = Field(field);
        }
        var required = new JsonArray([.. fields.Where(f => CommandRules.RuleOf(f) is { Required: true }).Select(f => (JsonNode)f.Name)]);
        var mapping = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = properties };
        if (required.Count > 0)
        {
            mapping["required"] = required;
        }
        // A command of one field may be written as that field alone: "stop: harbour-fire".
        var schema = fields.Count == 1 ? new JsonObject { ["anyOf"] = new JsonArray(Field(fields[0]), mapping) } : mapping;
        if (CommandRules.SummaryOf(message) is { } summary)
        {
            schema["description"] = summary;
        }
        return schema;
    }

    private static JsonObject Field(FieldDescriptor field)
    {
        var rule = CommandRules.RuleOf(field) ?? new FieldRule();
        var schema = field.FieldType switch
        {
            FieldType.Float when rule.Unit == "s" => Reference("duration"),
            FieldType.Float => new JsonObject { ["anyOf"] = new JsonArray(Number(rule, "number"), Reference("parameterRef")) },
            FieldType.UInt32 => new JsonObject { ["anyOf"] = new JsonArray(Number(rule, "integer"), Reference("parameterRef")) },
            FieldType.String => Text(rule),
            FieldType.Message when field.MessageType == Point.Descriptor => Reference("point"),
            FieldType.Message when field.MessageType == Area.Descriptor => Reference("area"),
            FieldType.Message => Tuple(field.MessageType),
            FieldType.Enum => new JsonObject { ["enum"] = new JsonArray([.. CommandRules.EnumNames(field.EnumType).Select(n => (JsonNode)n)]) },
            _ => throw new NotSupportedException($"{field.FullName}: no schema for a {field.FieldType} field"),
        };
        string unit = rule.Unit is "" or "s" ? "" : rule.Unit;
        string range = rule.Unit == "s" && (rule.HasMin || rule.HasMax) ? $"{rule.Min}-{rule.Max} s" : "";
        string description = string.Join(", ", new[] { rule.Help, unit, range }.Where(s => s.Length > 0));
        if (description.Length > 0)
        {
            schema["description"] = description;
        }
        if (rule.HasDefault)
        {
            schema["default"] = rule.Default;
        }
        return schema;
    }

    /// <summary>A message of numbers as scenario files write it: a list in field order ([x, y, z], [width, height]).</summary>
    private static JsonObject Tuple(MessageDescriptor message)
    {
        var fields = message.Fields.InDeclarationOrder();
        return new JsonObject
        {
            ["type"] = "array",
            ["prefixItems"] = new JsonArray([.. fields.Select(f => (JsonNode)Field(f))]),
            ["minItems"] = fields.Count,
            ["maxItems"] = fields.Count,
        };
    }

    private static JsonObject Number(FieldRule rule, string type)
    {
        var number = new JsonObject { ["type"] = type };
        if (rule.HasMin)
        {
            number["minimum"] = rule.Min;
        }
        if (rule.HasMax)
        {
            number["maximum"] = rule.Max;
        }
        if (rule.NonZero)
        {
            number["not"] = new JsonObject { ["const"] = 0 };
        }
        return number;
    }

    private static JsonObject Text(FieldRule rule)
    {
        var text = new JsonObject { ["type"] = "string", ["minLength"] = 1 };
        if (rule.MaxLength > 0)
        {
            text["maxLength"] = rule.MaxLength;
        }
        return text;
    }

    private static JsonObject Reference(string def) => new() { ["$ref"] = $"#/$defs/{def}" };
}
