using Google.Protobuf;
using TwinWorld.Protocol.State;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Snapshots;
using Area = TwinWorld.Protocol.V1.Area;
using DespawnAgents = TwinWorld.Protocol.V1.DespawnAgents;
using Disc = TwinWorld.Protocol.V1.Disc;
using IgniteFire = TwinWorld.Protocol.V1.IgniteFire;
using IssueAlert = TwinWorld.Protocol.V1.IssueAlert;
using PlayerCommand = TwinWorld.Protocol.V1.PlayerCommand;
using AddPlayerCamera = TwinWorld.Protocol.V1.AddPlayerCamera;
using PlayerPresence = TwinWorld.Protocol.V1.PlayerPresence;
using PlayerSignal = TwinWorld.Protocol.V1.PlayerSignal;
using PlayerView = TwinWorld.Protocol.V1.PlayerView;
using PlaceCamera = TwinWorld.Protocol.V1.PlaceCamera;
using PlacedCameraMode = TwinWorld.Protocol.V1.PlacedCameraMode;
using Point = TwinWorld.Protocol.V1.Point;
using Point3 = TwinWorld.Protocol.V1.Point3;
using RaiseSea = TwinWorld.Protocol.V1.RaiseSea;
using Resolution = TwinWorld.Protocol.V1.Resolution;
using SetWind = TwinWorld.Protocol.V1.SetWind;
using SpawnAgents = TwinWorld.Protocol.V1.SpawnAgents;
using StartTornado = TwinWorld.Protocol.V1.StartTornado;
using StartTsunami = TwinWorld.Protocol.V1.StartTsunami;
using StopHazard = TwinWorld.Protocol.V1.StopHazard;
using WorldCommand = TwinWorld.Protocol.V1.WorldCommand;

namespace TwinWorld.Simulation.Inputs;

/// <summary>
/// Inputs to and from bytes, for recordings (every tick's inputs) and snapshots (inputs still
/// waiting for their tick). One tag byte per kind; the tags are part of the recording format, so
/// existing ones never change meaning: a kind that gained a field (a named camera) writes its new form
/// under a new tag, and older recordings read as before. The world's commands
/// (commands.proto: hazards, the wind, alerts, spawns, despawns, cameras) are written as their protobuf bytes
/// under one tag, and so are the players' (inputs.proto's PlayerCommand: signals, views) and the server's own about
/// players (PlayerPresence: avatars and their cameras arriving, players leaving) with their sender, so a new command
/// or field needs nothing here. The tags written for them before (hazards in recording format 3 and older; alerts,
/// spawns, despawns, signals and views in format 4 and older; cameras, avatars and leaving in format 5 and older)
/// read as those messages.
/// SetCameraPose's tag was never written outside tests and is no longer read.
/// </summary>
public static class InputCodec
{
    private enum Tag : byte
    {
        IssueAlert = 1, PlayerSignal, SpawnAgents, DespawnAgents, PlaceCamera, SetCameraPose,
        SetWind, StartTsunami, RaiseSea, IgniteFire, StartTornado, StopHazard, SpawnAvatar, RemoveAvatar,
        RunningSignal, NamedCamera, AddPlayerCamera, SetPlayerView, Command, PlayerCommand, PlayerPresence,
    }

    public static void Write(BinaryWriter writer, SimulationInput input)
    {
        switch (input)
        {
            case CommandInput c:
                Begin(writer, Tag.Command, c);
                writer.Write(c.From is not null);
                WriteSender(writer, c.From);
                WriteMessage(writer, c.Command);
                break;
            case PlayerCommandInput p:
                Begin(writer, Tag.PlayerCommand, p);
                WriteSender(writer, p.From);
                WriteMessage(writer, p.Command);
                break;
            case PlayerPresenceInput p:
                Begin(writer, Tag.PlayerPresence, p);
                writer.Write(p.From!.Value.ClientId);
                WriteMessage(writer, p.Presence);
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
                var from = new InputSender(reader.ReadInt64(), 0);
                var direction = reader.ReadVector2();
                var signal = new PlayerSignal { DirectionX = direction.X, DirectionY = direction.Y, Run = tag == Tag.RunningSignal };
                return new PlayerCommandInput(tick, from, new PlayerCommand { Signal = signal });
            case Tag.SetPlayerView:
                return new PlayerCommandInput(tick, new InputSender(reader.ReadInt64(), 0), new PlayerCommand { View = ReadOldView(reader) });
            case Tag.PlayerCommand:
                return new PlayerCommandInput(tick, ReadSender(reader), PlayerCommand.Parser.ParseFrom(reader.ReadBytes(reader.ReadInt32())));
            case Tag.PlaceCamera or Tag.NamedCamera:
                return new CommandInput(tick, new WorldCommand { Camera = ReadOldCamera(reader, tag == Tag.NamedCamera) });
            case Tag.PlayerPresence:
                return new PlayerPresenceInput(tick, reader.ReadInt64(), PlayerPresence.Parser.ParseFrom(reader.ReadBytes(reader.ReadInt32())));
            case Tag.AddPlayerCamera:
                long owner = reader.ReadInt64();
                string name = reader.ReadString();
                var lens = ReadLens(reader);
                var resolution = new Resolution { Width = (uint)lens.Width, Height = (uint)lens.Height };
                return new PlayerPresenceInput(tick, owner, new PlayerPresence { Camera = new AddPlayerCamera { Name = name, Fov = lens.FieldOfViewDegrees, Resolution = resolution } });
            case Tag.Command:
                var sender = reader.ReadBoolean() ? ReadSender(reader) : (InputSender?)null;
                return new CommandInput(tick, WorldCommand.Parser.ParseFrom(reader.ReadBytes(reader.ReadInt32()))) { From = sender };
            case Tag.SetWind:
                return new CommandInput(tick, new WorldCommand { Wind = new SetWind { Speed = reader.ReadSingle(), From = reader.ReadSingle() } });
            case Tag.StopHazard:
                return new CommandInput(tick, new WorldCommand { Stop = new StopHazard { Name = reader.ReadString() } });
            case Tag.SpawnAvatar:
                return PlayerPresenceInput.Avatar(tick, reader.ReadInt64(), reader.ReadVector2(), KindName((AgentKind)reader.ReadInt32()));
            case Tag.RemoveAvatar:
                return PlayerPresenceInput.Leave(tick, reader.ReadInt64());
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

    /// <summary>
    /// A placed camera as format 5 and older wrote it (its mode, pose in radians and lens, named or not), as the command:
    /// compass degrees, which give back the radians the scenario's degrees gave (-90 and 0 exactly, others to the last bit or so).
    /// An unnamed one, which only tests made, takes the name "camera".
    /// </summary>
    private static PlaceCamera ReadOldCamera(BinaryReader reader, bool named)
    {
        var mode = (CameraMode)reader.ReadInt32() switch
        {
            CameraMode.Overhead => PlacedCameraMode.Overhead,
            CameraMode.Free => PlacedCameraMode.Free,
            _ => PlacedCameraMode.Fixed,
        };
        var position = reader.ReadVector3();
        float yaw = reader.ReadSingle(), pitch = reader.ReadSingle();
        var lens = ReadLens(reader);
        return new PlaceCamera
        {
            Mode = mode, Position = Point3.Of(position), Yaw = Compass.Bearing(yaw), Pitch = Compass.PitchDegrees(pitch), Fov = lens.FieldOfViewDegrees,
            Resolution = new Resolution { Width = (uint)lens.Width, Height = (uint)lens.Height }, Name = named ? reader.ReadString() : "camera",
        };
    }

    /// <summary>A player's view as format 4 and older wrote it (mode, yaw and pitch in radians), in the heading steps the client sent.</summary>
    private static PlayerView ReadOldView(BinaryReader reader)
    {
        var mode = (Protocol.V1.CameraMode)reader.ReadInt32();
        int yaw = Quantisation.Angle(reader.ReadSingle()) % Quantisation.HeadingSteps;
        return new PlayerView { Mode = mode, Yaw = (uint)(yaw < 0 ? yaw + Quantisation.HeadingSteps : yaw), Pitch = Quantisation.Angle(reader.ReadSingle()) };
    }

    private static void WriteSender(BinaryWriter writer, InputSender? from)
    {
        if (from is { } sender)
        {
            writer.Write(sender.ClientId);
            writer.Write(sender.RequestId);
        }
    }

    private static InputSender ReadSender(BinaryReader reader) => new(reader.ReadInt64(), reader.ReadUInt32());

    private static void WriteMessage(BinaryWriter writer, IMessage message)
    {
        byte[] bytes = message.ToByteArray();
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    private static Area DiscArea(System.Numerics.Vector2 centre, float radius) => new() { Disc = new Disc { Centre = Point.Of(centre), Radius = radius } };

    /// <summary>
    /// An agent kind's name as older recordings numbered it. A scenario's own kinds (numbered after the built-in
    /// ones) were not named in the file; their spawns read as "kind 5", which the world refuses at the tick.
    /// </summary>
    private static string KindName(AgentKind kind)
        => Enum.IsDefined(kind) ? kind.ToString().ToLowerInvariant() : $"kind {(int)kind}";

    private static CameraLens ReadLens(BinaryReader reader) => new(reader.ReadSingle(), reader.ReadInt32(), reader.ReadInt32());

    private static void Begin(BinaryWriter writer, Tag tag, SimulationInput input)
    {
        writer.Write((byte)tag);
        writer.Write(input.Scheduled);
        writer.Write(input.Tick);
    }
}
