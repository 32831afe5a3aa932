using Google.Protobuf;
using TwinWorld.Ecs;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Snapshots;
using Area = TwinWorld.Protocol.V1.Area;
using DespawnAgents = TwinWorld.Protocol.V1.DespawnAgents;
using Disc = TwinWorld.Protocol.V1.Disc;
using IgniteFire = TwinWorld.Protocol.V1.IgniteFire;
using IssueAlert = TwinWorld.Protocol.V1.IssueAlert;
using SpawnAgents = TwinWorld.Protocol.V1.SpawnAgents;
using Point = TwinWorld.Protocol.V1.Point;
using RaiseSea = TwinWorld.Protocol.V1.RaiseSea;
using SetWind = TwinWorld.Protocol.V1.SetWind;
using StartTornado = TwinWorld.Protocol.V1.StartTornado;
using StartTsunami = TwinWorld.Protocol.V1.StartTsunami;
using StopHazard = TwinWorld.Protocol.V1.StopHazard;
using WorldCommand = TwinWorld.Protocol.V1.WorldCommand;

namespace TwinWorld.Simulation.Inputs;

/// <summary>
/// Inputs to and from bytes, for recordings (every tick's inputs) and snapshots (inputs still
/// waiting for their tick). One tag byte per kind; the tags are part of the recording format, so
/// existing ones never change meaning: a kind that gained a field (a running signal, a named camera)
/// writes its new form under a new tag, and older recordings read as before. The world's commands
/// (commands.proto: hazards, the wind, alerts, spawns and despawns) are written as their protobuf bytes
/// under one tag, so a new command or field needs nothing here; the tags written for them before (hazards
/// in recording format 3 and older, alerts, spawns and despawns in format 4 and older) read as commands.
/// </summary>
public static class InputCodec
{
    private enum Tag : byte
    {
        IssueAlert = 1, PlayerSignal, SpawnAgents, DespawnAgents, PlaceCamera, SetCameraPose,
        SetWind, StartTsunami, RaiseSea, IgniteFire, StartTornado, StopHazard, SpawnAvatar, RemoveAvatar,
        RunningSignal, NamedCamera, AddPlayerCamera, SetPlayerView, Command,
    }

    public static void Write(BinaryWriter writer, SimulationInput input)
    {
        switch (input)
        {
            case PlayerSignal p:
                Begin(writer, p.Run ? Tag.RunningSignal : Tag.PlayerSignal, p);
                writer.Write(p.ClientId);
                writer.Write(p.Direction);
                break;
            case PlaceCamera c:
                Begin(writer, c.Name is null ? Tag.PlaceCamera : Tag.NamedCamera, c);
                writer.Write((int)c.Mode);
                writer.Write(c.Position);
                writer.Write(c.Yaw);
                writer.Write(c.Pitch);
                Write(writer, c.Lens);
                if (c.Name is not null)
                {
                    writer.Write(c.Name);
                }
                break;
            case AddPlayerCamera c:
                Begin(writer, Tag.AddPlayerCamera, c);
                writer.Write(c.ClientId);
                writer.Write(c.Name);
                Write(writer, c.Lens);
                break;
            case SetPlayerView v:
                Begin(writer, Tag.SetPlayerView, v);
                writer.Write(v.ClientId);
                writer.Write((int)v.Mode);
                writer.Write(v.Yaw);
                writer.Write(v.Pitch);
                break;
            case SetCameraPose c:
                Begin(writer, Tag.SetCameraPose, c);
                writer.Write(c.Camera.Id);
                writer.Write(c.Camera.Version);
                writer.Write(c.Position);
                writer.Write(c.Yaw);
                writer.Write(c.Pitch);
                break;
            case CommandInput c:
                Begin(writer, Tag.Command, c);
                writer.Write(c.From is { } from);
                if (c.From is { } sender)
                {
                    writer.Write(sender.ClientId);
                    writer.Write(sender.RequestId);
                }
                byte[] bytes = c.Command.ToByteArray();
                writer.Write(bytes.Length);
                writer.Write(bytes);
                break;
            case SpawnAvatar a:
                Begin(writer, Tag.SpawnAvatar, a);
                writer.Write(a.ClientId);
                writer.Write(a.At);
                writer.Write((int)a.Kind);
                break;
            case RemoveAvatar r:
                Begin(writer, Tag.RemoveAvatar, r);
                writer.Write(r.ClientId);
                break;
            default:
                throw new NotSupportedException($"{input.GetType().Name} has no recording format; add it to {nameof(InputCodec)}.");
        }
    }

    /// <summary>Reads one input; throws <see cref="InvalidDataException"/> for an unknown tag.</summary>
    public static SimulationInput Read(BinaryReader reader)
    {
        var tag = (Tag)reader.ReadByte();
        bool scheduled = reader.ReadBoolean();
        var input = ReadBody(reader, tag, reader.ReadInt64());
        return scheduled ? input with { Scheduled = true } : input;
    }

    private static SimulationInput ReadBody(BinaryReader reader, Tag tag, long tick)
    {
        switch (tag)
        {
            case Tag.PlayerSignal or Tag.RunningSignal:
                return new PlayerSignal(tick, reader.ReadInt64(), reader.ReadVector2(), tag == Tag.RunningSignal);
            case Tag.PlaceCamera or Tag.NamedCamera:
                return new PlaceCamera(tick, (CameraMode)reader.ReadInt32(), reader.ReadVector3(), reader.ReadSingle(), reader.ReadSingle(), ReadLens(reader),
                    tag == Tag.NamedCamera ? reader.ReadString() : null);
            case Tag.AddPlayerCamera:
                return new AddPlayerCamera(tick, reader.ReadInt64(), reader.ReadString(), ReadLens(reader));
            case Tag.SetPlayerView:
                return new SetPlayerView(tick, reader.ReadInt64(), (CameraMode)reader.ReadInt32(), reader.ReadSingle(), reader.ReadSingle());
            case Tag.SetCameraPose:
                return new SetCameraPose(tick, new Entity(reader.ReadInt32(), reader.ReadInt32()), reader.ReadVector3(), reader.ReadSingle(), reader.ReadSingle());
            case Tag.Command:
                var from = reader.ReadBoolean() ? new InputSender(reader.ReadInt64(), reader.ReadUInt32()) : (InputSender?)null;
                return new CommandInput(tick, WorldCommand.Parser.ParseFrom(reader.ReadBytes(reader.ReadInt32()))) { From = from };
            case Tag.SetWind:
                return new CommandInput(tick, new WorldCommand { Wind = new SetWind { Speed = reader.ReadSingle(), From = reader.ReadSingle() } });
            case Tag.StopHazard:
                return new CommandInput(tick, new WorldCommand { Stop = new StopHazard { Name = reader.ReadString() } });
            case Tag.SpawnAvatar:
                return new SpawnAvatar(tick, reader.ReadInt64(), reader.ReadVector2(), (AgentKind)reader.ReadInt32());
            case Tag.RemoveAvatar:
                return new RemoveAvatar(tick, reader.ReadInt64());
        }
        return new CommandInput(tick, ReadOldTag(reader, tag));
    }

    /// <summary>
    /// An alert, a spawn or a despawn as recording format 4 and older wrote it, and a hazard as format 3 and older
    /// did, as the command it is now.
    /// </summary>
    private static WorldCommand ReadOldTag(BinaryReader reader, Tag tag)
    {
        switch (tag)
        {
            case Tag.IssueAlert:
                var alert = new IssueAlert { Area = DiscArea(reader.ReadVector2(), reader.ReadSingle()), Shelter = reader.ReadNullableString() ?? "" };
                return new WorldCommand { Alert = alert };
            case Tag.SpawnAgents:
                var kind = (AgentKind)reader.ReadInt32();
                var spawn = new SpawnAgents { Kind = KindName(kind), Count = (uint)reader.ReadInt32() };
                spawn.Area = DiscArea(reader.ReadVector2(), reader.ReadSingle());
                return new WorldCommand { Spawn = spawn };
            case Tag.DespawnAgents:
                var area = DiscArea(reader.ReadVector2(), reader.ReadSingle());
                return new WorldCommand { Despawn = new DespawnAgents { Area = area, Count = (uint)reader.ReadInt32() } };
        }
        string name = reader.ReadNullableString() ?? "";
        float duration = reader.ReadSingle();
        bool timed = float.IsFinite(duration);
        switch (tag)
        {
            case Tag.StartTsunami:
                var tsunami = new StartTsunami { Name = name, Height = reader.ReadSingle(), Period = reader.ReadSingle(), From = reader.ReadSingle() };
                if (timed)
                {
                    tsunami.Duration = duration;
                }
                return new WorldCommand { Tsunami = tsunami };
            case Tag.RaiseSea:
                return new WorldCommand { RaiseSea = new RaiseSea { Name = name, Centre = Point.Of(reader.ReadVector2()), Radius = reader.ReadSingle(), Height = reader.ReadSingle() } };
            case Tag.IgniteFire:
                var fire = new IgniteFire { Name = name, At = Point.Of(reader.ReadVector2()), Radius = reader.ReadSingle() };
                if (timed)
                {
                    fire.Duration = duration;
                }
                return new WorldCommand { Fire = fire };
            case Tag.StartTornado:
                var tornado = new StartTornado
                {
                    Name = name, From = Point.Of(reader.ReadVector2()), To = Point.Of(reader.ReadVector2()),
                    Speed = reader.ReadSingle(), MaxWind = reader.ReadSingle(), CoreRadius = reader.ReadSingle(),
                };
                if (timed)
                {
                    tornado.Duration = duration;
                }
                return new WorldCommand { Tornado = tornado };
            default:
                throw new InvalidDataException($"Unknown input tag {(byte)tag}.");
        }
    }

    private static Area DiscArea(System.Numerics.Vector2 centre, float radius) => new() { Disc = new Disc { Centre = Point.Of(centre), Radius = radius } };

    /// <summary>
    /// An agent kind's name as older recordings numbered it. A scenario's own kinds (numbered after the built-in
    /// ones) were not named in the file; their spawns read as "kind 5", which the world refuses at the tick.
    /// </summary>
    private static string KindName(AgentKind kind)
        => Enum.IsDefined(kind) ? kind.ToString().ToLowerInvariant() : $"kind {(int)kind}";

    private static void Write(BinaryWriter writer, CameraLens lens)
    {
        writer.Write(lens.FieldOfViewDegrees);
        writer.Write(lens.Width);
        writer.Write(lens.Height);
    }

    private static CameraLens ReadLens(BinaryReader reader) => new(reader.ReadSingle(), reader.ReadInt32(), reader.ReadInt32());

    private static void Begin(BinaryWriter writer, Tag tag, SimulationInput input)
    {
        writer.Write((byte)tag);
        writer.Write(input.Scheduled);
        writer.Write(input.Tick);
    }
}
