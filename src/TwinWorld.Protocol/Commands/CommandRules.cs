using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Protocol.Commands;

/// <summary>
/// Checks and completes commands by the <see cref="FieldRule"/> declared beside each field in
/// commands.proto, so the wire, the scenario loader and the simulation enforce the same ranges and
/// defaults from one definition.
/// </summary>
public static class CommandRules
{
    /// <summary>The rule declared on a field, or null.</summary>
    public static FieldRule? RuleOf(FieldDescriptor field) => field.GetOptions()?.GetExtension(RulesExtensions.Rule);

    /// <summary>The one-line summary declared on a command message, or null.</summary>
    public static string? SummaryOf(MessageDescriptor message)
        => message.GetOptions()?.GetExtension(RulesExtensions.Summary) is { Length: > 0 } summary ? summary : null;

    /// <summary>
    /// The command with every absent field that declares a default set to it, and every absent message whose
    /// fields all declare one (a camera's resolution) made of those defaults, in the message a command's oneof holds
    /// (<see cref="WorldCommand"/>, <see cref="PlayerPresence"/>; a copy, the argument is unchanged).
    /// </summary>
    public static T Completed<T>(T command) where T : IMessage<T>
    {
        var copy = command.Clone();
        if (Chosen(copy) is { } chosen)
        {
            Complete(chosen);
        }
        return copy;
    }

    private static void Complete(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (!field.HasPresence || field.Accessor.HasValue(message))
            {
                continue;
            }
            if (field.FieldType == FieldType.Message && AllDefaulted(field.MessageType))
            {
                var inner = field.MessageType.Parser.ParseFrom(ByteString.Empty);
                Complete(inner);
                field.Accessor.SetValue(message, inner);
            }
            else if (RuleOf(field) is { HasDefault: true } rule)
            {
                field.Accessor.SetValue(message, field.FieldType == FieldType.UInt32 ? (object)(uint)rule.Default : (float)rule.Default);
            }
        }
    }

    private static bool AllDefaulted(MessageDescriptor message) => message.Fields.InDeclarationOrder().All(f => RuleOf(f) is { HasDefault: true });

    /// <summary>
    /// Every way a command (a message of one oneof: <see cref="WorldCommand"/>, <see cref="PlayerCommand"/>) breaks
    /// its rules ("fire radius must be 0.5 to 1000 m (got 2000)"), or none. Numbers must also be finite.
    /// </summary>
    public static List<string> Problems(IMessage command)
    {
        var problems = new List<string>();
        if (command.Descriptor.Oneofs[0].Accessor.GetCaseFieldDescriptor(command) is not { } kind)
        {
            problems.Add("the command is empty");
            return problems;
        }
        AddProblems((IMessage)kind.Accessor.GetValue(command), kind.Name, problems);
        return problems;
    }

    /// <summary>Every way a request that is not a command (analyst.proto's ForecastRequest) breaks its fields' rules, each named after <paramref name="what"/>.</summary>
    public static List<string> RequestProblems(IMessage request, string what)
    {
        var problems = new List<string>();
        AddProblems(request, what, problems);
        return problems;
    }

    /// <summary>A message's fields against their rules, and the messages inside it (an area's disc) against theirs.</summary>
    private static void AddProblems(IMessage message, string prefix, List<string> problems)
    {
        foreach (var oneof in message.Descriptor.Oneofs)
        {
            if (!oneof.IsSynthetic && oneof.Accessor.GetCaseFieldDescriptor(message) is null)
            {
                problems.Add($"{prefix} is empty: give one of {string.Join(", ", oneof.Fields.Select(f => f.Name))}");
            }
        }
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var rule = RuleOf(field) ?? new FieldRule();
            string what = $"{prefix} {field.Name}";
            if (field.IsRepeated)
            {
                AddListProblems((System.Collections.IList)field.Accessor.GetValue(message), rule, what, problems);
                continue;
            }
            // Fields without presence (proto3 scalars that are not optional) are always given; an empty text is not.
            bool present = field.HasPresence ? field.Accessor.HasValue(message)
                : field.FieldType != FieldType.String || ((string)field.Accessor.GetValue(message)).Length > 0;
            if (!present)
            {
                if (rule.Required)
                {
                    problems.Add($"{what} is required{Help(rule)}");
                }
                continue;
            }
            switch (field.Accessor.GetValue(message))
            {
                case float number when RangeProblem(rule, number) is { } problem:
                    problems.Add($"{what} {problem}");
                    break;
                case uint number when RangeProblem(rule, number) is { } problem:
                    problems.Add($"{what} {problem}");
                    break;
                case int number when RangeProblem(rule, number) is { } problem:
                    problems.Add($"{what} {problem}");
                    break;
                case string text when TextProblem(rule, text) is { } problem:
                    problems.Add($"{what} {problem}");
                    break;
                case Enum value when field.EnumType.FindValueByNumber(Convert.ToInt32(value)) is null:
                    problems.Add($"{what} must be one of {string.Join(", ", EnumNames(field.EnumType))} (got {Convert.ToInt32(value)})");
                    break;
                case Point point when !(IsFinite(point.X) && IsFinite(point.Y)):
                    problems.Add($"{what} must be a finite point");
                    break;
                case IMessage inner when inner is not Point:
                    AddProblems(inner, what, problems);
                    break;
            }
        }
    }

    private static void AddListProblems(System.Collections.IList items, FieldRule rule, string what, List<string> problems)
    {
        if (rule.MaxItems > 0 && items.Count > rule.MaxItems)
        {
            problems.Add($"{what} holds at most {rule.MaxItems} (got {items.Count})");
        }
        foreach (var text in items.OfType<string>().Where(t => TextProblem(rule, t) is not null).Take(1))
        {
            problems.Add($"{what}: each {TextProblem(rule, text)}");
        }
    }

    /// <summary>Why a number breaks a rule ("must be 0.5 to 1000 m (got 2000)"), or null.</summary>
    public static string? RangeProblem(FieldRule rule, double value)
    {
        string unit = rule.Unit.Length == 0 ? "" : $" {rule.Unit}";
        string got = value.ToString(CultureInfo.InvariantCulture);
        if (!IsFinite(value))
        {
            return $"must be a finite number (got {got})";
        }
        if ((rule.HasMin && value < rule.Min) || (rule.HasMax && value > rule.Max))
        {
            string range = rule.HasMin && rule.HasMax ? $"{Number(rule.Min)} to {Number(rule.Max)}{unit}"
                : rule.HasMin ? $"at least {Number(rule.Min)}{unit}" : $"at most {Number(rule.Max)}{unit}";
            return $"must be {range} (got {got})";
        }
        return rule.NonZero && value == 0 ? "must not be 0" : null;
    }

    /// <summary>Why a text breaks a rule ("is at most 64 characters (got 65)"), or null.</summary>
    public static string? TextProblem(FieldRule rule, string text)
        => rule.MaxLength > 0 && text.Length > rule.MaxLength ? $"is at most {rule.MaxLength} characters (got {text.Length})" : null;

    /// <summary>The message the command's oneof holds, or null when it is empty.</summary>
    public static IMessage? Chosen(IMessage command)
        => command.Descriptor.Oneofs[0].Accessor.GetCaseFieldDescriptor(command) is { } kind ? (IMessage)kind.Accessor.GetValue(command) : null;

    /// <summary>The WorldCommand field of a kind: its name is the scenario files' action key.</summary>
    public static FieldDescriptor KindField(WorldCommand.KindOneofCase kind) => WorldCommand.Descriptor.FindFieldByNumber((int)kind);

    /// <summary>An enum's values as scenario files write them: PLACED_CAMERA_MODE_FIXED is "fixed".</summary>
    public static IEnumerable<string> EnumNames(EnumDescriptor type) => type.Values.Select(v => EnumName(type, v));

    /// <summary>One enum value as scenario files write it.</summary>
    public static string EnumName(EnumDescriptor type, EnumValueDescriptor value)
    {
        string prefix = string.Concat(type.Name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant() + "_";
        return (value.Name.StartsWith(prefix, StringComparison.Ordinal) ? value.Name.Substring(prefix.Length) : value.Name).ToLowerInvariant();
    }

    private static string Help(FieldRule rule) => rule.Help.Length == 0 ? "" : $" ({rule.Help})";

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
}
