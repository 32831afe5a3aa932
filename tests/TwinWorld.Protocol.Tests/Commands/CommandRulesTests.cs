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
            foreach (var field in Fields(kind).Where(f => f.FieldType is FieldType.Float or FieldType.UInt32))
            {
                var rule = CommandRules.RuleOf(field)!;
                if (!(atMax ? rule.HasMax : rule.HasMin))
                {
                    continue;
                }
                var broken = valid.Clone();
                double past = atMax ? rule.Max + 1 : rule.Min - 1;
                field.Accessor.SetValue(Chosen(broken, kind), field.FieldType == FieldType.Float ? (float)past : (object)(uint)past);

                Assert.Contains(CommandRules.Problems(broken), p => p.StartsWith($"{kind} {field.Name} must be", StringComparison.Ordinal));
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
            if (rule.Required)
            {
                Assert.Contains($"{kind} {field.Name} is required", string.Join("\n", CommandRules.Problems(command)));
            }
            if (rule.HasDefault)
            {
                Assert.Equal((float)rule.Default, (float)field.Accessor.GetValue(Chosen(CommandRules.Completed(command), kind)));
            }
        }
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
        var message = kindField.MessageType.Parser.ParseFrom(ByteString.Empty);
        foreach (var field in Fields(kind))
        {
            var rule = CommandRules.RuleOf(field)!;
            object value = field.FieldType switch
            {
                FieldType.Float => (float)(atMax ? (rule.HasMax ? rule.Max : 1e6) : (rule.HasMin ? rule.Min : -1e6)) is var v && v == 0 && rule.NonZero ? 1f : (object)v,
                FieldType.UInt32 => (uint)(atMax ? rule.Max : rule.Min),
                FieldType.String => "a",
                FieldType.Message when field.MessageType == Area.Descriptor => new Area { Disc = new Disc { Centre = new Point { X = 1, Y = 2 }, Radius = atMax ? 100_000 : 0.5f } },
                _ => new Point { X = 1, Y = 2 },
            };
            field.Accessor.SetValue(message, value);
        }
        kindField.Accessor.SetValue(command, message);
        return command;
    }

    private static IMessage Chosen(WorldCommand command, string kind) => (IMessage)WorldCommand.Descriptor.FindFieldByName(kind).Accessor.GetValue(command);

    private static IList<FieldDescriptor> Fields(string kind) => WorldCommand.Descriptor.FindFieldByName(kind).MessageType.Fields.InDeclarationOrder();
}
