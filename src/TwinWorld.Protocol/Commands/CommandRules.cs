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

    /// <summary>The command with every absent field that declares a default set to it (a copy; the argument is unchanged).</summary>
    public static WorldCommand Completed(WorldCommand command)
    {
        var copy = command.Clone();
        if (Chosen(copy) is { } chosen)
        {
            foreach (var field in chosen.Descriptor.Fields.InDeclarationOrder())
            {
                if (RuleOf(field) is { HasDefault: true } rule && !field.Accessor.HasValue(chosen))
                {
                    field.Accessor.SetValue(chosen, (float)rule.Default);
                }
            }
        }
        return copy;
    }

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
                case Point point when !(IsFinite(point.X) && IsFinite(point.Y)):
                    problems.Add($"{what} must be a finite point");
                    break;
                case IMessage inner when inner is not Point:
                    AddProblems(inner, what, problems);
                    break;
            }
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
    public static IMessage? Chosen(WorldCommand command)
        => command.KindCase == WorldCommand.KindOneofCase.None ? null
        : (IMessage)KindField(command.KindCase).Accessor.GetValue(command);

    /// <summary>The WorldCommand field of a kind: its name is the scenario files' action key.</summary>
    public static FieldDescriptor KindField(WorldCommand.KindOneofCase kind) => WorldCommand.Descriptor.FindFieldByNumber((int)kind);

    private static string Help(FieldRule rule) => rule.Help.Length == 0 ? "" : $" ({rule.Help})";

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
}
