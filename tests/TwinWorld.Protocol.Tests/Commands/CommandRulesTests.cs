using Google.Protobuf;
using Google.Protobuf.Reflection;
using TwinWorld.Protocol.Commands;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Protocol.Tests.Commands;

/// <summary>The rules declared in commands.proto hold for every command and field, new ones included.</summary>
public class CommandRulesTests
{
    public static TheoryData<string> Kinds => [.. WorldCommand.Descriptor.Oneofs[0].Fields.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_command_with_every_field_at_its_limits_passes_and_one_past_a_limit_is_named(string kind)
    {
        foreach (bool atMax in new[] { false, true })
        {
            var valid = Valid(kind, atMax);
            Assert.Empty(CommandRules.Problems(valid));
            foreach (var (path, field) in NumberFields(Chosen(valid, kind).Descriptor, kind))
            {
                var rule = CommandRules.RuleOf(field) ?? new FieldRule();
                if (!(atMax ? rule.HasMax : rule.HasMin))
                {
                    continue;
                }
                var broken = valid.Clone();
                double past = atMax ? rule.Max + 1 : rule.Min - 1;
                field.Accessor.SetValue(Holder(broken, kind, path), field.FieldType == FieldType.Float ? (float)past : (object)(uint)past);

                Assert.Contains(CommandRules.Problems(broken), p => p.StartsWith($"{path} must be", StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_required_field_left_out_is_named_and_a_default_fills_an_absent_field(string kind)
    {
        foreach (var field in Fields(kind))
        {
            var rule = CommandRules.RuleOf(field)!;
            var command = Valid(kind, atMax: false);
            field.Accessor.Clear(Chosen(command, kind));
            var completed = field.Accessor.GetValue(Chosen(CommandRules.Completed(command), kind));
            if (rule.Required)
            {
                Assert.Contains($"{kind} {field.Name} is required", string.Join("\n", CommandRules.Problems(command)));
            }
            if (rule.HasDefault)
            {
                Assert.Equal((float)rule.Default, (float)completed);
            }
            if (field.FieldType == FieldType.Message && field.MessageType.Fields.InDeclarationOrder().All(f => CommandRules.RuleOf(f) is { HasDefault: true }))
            {
                // A message whose every field has a default (a camera's resolution) is made of those defaults.
                foreach (var inner in field.MessageType.Fields.InDeclarationOrder())
                {
                    Assert.Equal(CommandRules.RuleOf(inner)!.Default, Convert.ToDouble(inner.Accessor.GetValue((IMessage)completed)));
                }
            }
        }
    }

    [Fact]
    public void An_enum_value_outside_its_declared_ones_is_named_with_the_ones_there_are()
    {
        var camera = new WorldCommand { Camera = new PlaceCamera { Name = "a", Position = new Point3(), Mode = (PlacedCameraMode)7 } };

        Assert.Equal(["camera mode must be one of fixed, overhead, free (got 7)"], CommandRules.Problems(camera));
    }

    [Fact]
    public void Numbers_must_be_finite_and_names_short()
    {
        var fire = new WorldCommand { Fire = new IgniteFire { At = new Point { X = float.NaN, Y = 1 }, Radius = float.PositiveInfinity, Name = new string('x', 65) } };

        Assert.Equal(
            ["fire at must be a finite point", "fire radius must be a finite number (got Infinity)", "fire name is at most 64 characters (got 65)"],
            CommandRules.Problems(fire));
        Assert.Equal(["the command is empty"], CommandRules.Problems(new WorldCommand()));
    }

    [Fact]
    public void An_area_is_checked_by_the_rules_of_what_it_holds()
    {
        var empty = new WorldCommand { Despawn = new DespawnAgents { Count = 1, Area = new Area() } };
        var small = new WorldCommand { Spawn = new SpawnAgents { Kind = "child", Count = 1, Area = new Area { Disc = new Disc { Centre = new Point(), Radius = 0.1f } } } };
        var nowhere = new WorldCommand { Alert = new IssueAlert { Area = new Area { Disc = new Disc { Radius = 5 } } } };

        Assert.Equal(["despawn area is empty: give one of disc, zone, everywhere, low_ground"], CommandRules.Problems(empty));
        Assert.Equal(["spawn area disc radius must be 0.5 to 100000 m (got 0.10000000149011612)"], CommandRules.Problems(small));
        Assert.Equal(["alert area disc centre is required"], CommandRules.Problems(nowhere));
        Assert.Empty(CommandRules.Problems(new WorldCommand { Alert = new IssueAlert() })); // everywhere, the nearest shelter
    }

    /// <summary>A command of the kind with every field given, numbers at their minimum or maximum.</summary>
    private static WorldCommand Valid(string kind, bool atMax)
    {
        var command = new WorldCommand();
        var kindField = WorldCommand.Descriptor.FindFieldByName(kind);
        kindField.Accessor.SetValue(command, Filled(kindField.MessageType, atMax));
        return command;
    }

    private static IMessage Filled(MessageDescriptor descriptor, bool atMax)
    {
        var message = descriptor.Parser.ParseFrom(ByteString.Empty);
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            var rule = CommandRules.RuleOf(field) ?? new FieldRule();
            object value = field.FieldType switch
            {
                FieldType.Float => (float)(atMax ? (rule.HasMax ? rule.Max : 1e6) : (rule.HasMin ? rule.Min : -1e6)) is var v && v == 0 && rule.NonZero ? 1f : (object)v,
                FieldType.UInt32 => (uint)(atMax ? rule.Max : rule.Min),
                FieldType.String => "a",
                FieldType.Enum => field.EnumType.Values[atMax ? field.EnumType.Values.Count - 1 : 0].Number,
                FieldType.Message when field.MessageType == Area.Descriptor => new Area { Disc = new Disc { Centre = new Point { X = 1, Y = 2 }, Radius = atMax ? 100_000 : 0.5f } },
                FieldType.Message when field.MessageType == Point.Descriptor => new Point { X = 1, Y = 2 },
                _ => Filled(field.MessageType, atMax),
            };
            field.Accessor.SetValue(message, value);
        }
        return message;
    }

    /// <summary>Every number field of a command, those in the messages it holds (a camera's resolution) included, with its name in problems ("camera resolution width").</summary>
    private static IEnumerable<(string Path, FieldDescriptor Field)> NumberFields(MessageDescriptor descriptor, string prefix)
    {
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (field.FieldType is FieldType.Float or FieldType.UInt32)
            {
                yield return ($"{prefix} {field.Name}", field);
            }
            else if (field.FieldType == FieldType.Message && field.MessageType != Area.Descriptor && field.MessageType != Point.Descriptor)
            {
                foreach (var inner in NumberFields(field.MessageType, $"{prefix} {field.Name}"))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The message holding the field a path names, in a command.</summary>
    private static IMessage Holder(WorldCommand command, string kind, string path)
    {
        var message = Chosen(command, kind);
        foreach (string name in path.Split(' ')[1..^1])
        {
            message = (IMessage)message.Descriptor.FindFieldByName(name).Accessor.GetValue(message);
        }
        return message;
    }

    private static IMessage Chosen(WorldCommand command, string kind) => (IMessage)WorldCommand.Descriptor.FindFieldByName(kind).Accessor.GetValue(command);

    private static IList<FieldDescriptor> Fields(string kind) => WorldCommand.Descriptor.FindFieldByName(kind).MessageType.Fields.InDeclarationOrder();
}
