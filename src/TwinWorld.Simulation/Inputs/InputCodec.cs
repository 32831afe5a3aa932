using TwinWorld.Ecs;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Simulation.Inputs;

/// <summary>
/// Inputs to and from bytes, for recordings (every tick's inputs) and snapshots (inputs still
/// waiting for their tick). One tag byte per kind; the tags are part of the recording format, so
/// existing ones never change meaning: a kind that gained a field (a running signal, a named camera)
/// writes its new form under a new tag, and older recordings read as before.
/// </summary>
public static class InputCodec
{
    private enum Tag : byte
    {
        IssueAlert = 1, PlayerSignal, SpawnAgents, DespawnAgents, PlaceCamera, SetCameraPose,
        SetWind, StartTsunami, RaiseSea, IgniteFire, StartTornado, StopHazard, SpawnAvatar, RemoveAvatar,
        RunningSignal, NamedCamera, AddPlayerCamera, SetPlayerView,
    }

    public static void Write(BinaryWriter writer, SimulationInput input)
    {
        switch (input)
        {
            case IssueAlert a:
                Begin(writer, Tag.IssueAlert, a);
                writer.Write(a.Centre);
                writer.Write(a.Radius);
                writer.WriteNullable(a.Shelter);
                break;
            case PlayerSignal p:
                Begin(writer, p.Run ? Tag.RunningSignal : Tag.PlayerSignal, p);
                writer.Write(p.ClientId);
                writer.Write(p.Direction);
                break;
            case SpawnAgents s:
                Begin(writer, Tag.SpawnAgents, s);
                writer.Write((int)s.Kind);
                writer.Write(s.Count);
                writer.Write(s.Centre);
                writer.Write(s.Radius);
                break;
            case DespawnAgents d:
                Begin(writer, Tag.DespawnAgents, d);
                writer.Write(d.Centre);
                writer.Write(d.Radius);
                writer.Write(d.Count);
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
            case SetWind w:
                Begin(writer, Tag.SetWind, w);
                writer.Write(w.Speed);
                writer.Write(w.FromBearingDegrees);
                break;
            case StartTsunami t:
                BeginHazard(writer, Tag.StartTsunami, t);
                writer.Write(t.Height);
                writer.Write(t.PeriodSeconds);
                writer.Write(t.FromBearingDegrees);
                break;
            case RaiseSea r:
                BeginHazard(writer, Tag.RaiseSea, r);
                writer.Write(r.Centre);
                writer.Write(r.Radius);
                writer.Write(r.Height);
                break;
            case IgniteFire f:
                BeginHazard(writer, Tag.IgniteFire, f);
                writer.Write(f.At);
                writer.Write(f.Radius);
                break;
            case StartTornado t:
                BeginHazard(writer, Tag.StartTornado, t);
                writer.Write(t.From);
                writer.Write(t.To);
                writer.Write(t.TranslationSpeed);
                writer.Write(t.MaxWind);
                writer.Write(t.CoreRadius);
                break;
            case StopHazard s:
                Begin(writer, Tag.StopHazard, s);
                writer.Write(s.Name);
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
            case Tag.IssueAlert:
                return new IssueAlert(tick, reader.ReadVector2(), reader.ReadSingle(), reader.ReadNullableString());
            case Tag.PlayerSignal or Tag.RunningSignal:
                return new PlayerSignal(tick, reader.ReadInt64(), reader.ReadVector2(), tag == Tag.RunningSignal);
            case Tag.SpawnAgents:
                return new SpawnAgents(tick, (AgentKind)reader.ReadInt32(), reader.ReadInt32(), reader.ReadVector2(), reader.ReadSingle());
            case Tag.DespawnAgents:
                return new DespawnAgents(tick, reader.ReadVector2(), reader.ReadSingle(), reader.ReadInt32());
            case Tag.PlaceCamera or Tag.NamedCamera:
                return new PlaceCamera(tick, (CameraMode)reader.ReadInt32(), reader.ReadVector3(), reader.ReadSingle(), reader.ReadSingle(), ReadLens(reader),
                    tag == Tag.NamedCamera ? reader.ReadString() : null);
            case Tag.AddPlayerCamera:
                return new AddPlayerCamera(tick, reader.ReadInt64(), reader.ReadString(), ReadLens(reader));
            case Tag.SetPlayerView:
                return new SetPlayerView(tick, reader.ReadInt64(), (CameraMode)reader.ReadInt32(), reader.ReadSingle(), reader.ReadSingle());
            case Tag.SetCameraPose:
                return new SetCameraPose(tick, new Entity(reader.ReadInt32(), reader.ReadInt32()), reader.ReadVector3(), reader.ReadSingle(), reader.ReadSingle());
            case Tag.SetWind:
                return new SetWind(tick, reader.ReadSingle(), reader.ReadSingle());
            case Tag.StopHazard:
                return new StopHazard(tick, reader.ReadString());
            case Tag.SpawnAvatar:
                return new SpawnAvatar(tick, reader.ReadInt64(), reader.ReadVector2(), (AgentKind)reader.ReadInt32());
            case Tag.RemoveAvatar:
                return new RemoveAvatar(tick, reader.ReadInt64());
        }
        string? name = reader.ReadNullableString();
        float duration = reader.ReadSingle();
        return tag switch
        {
            Tag.StartTsunami => new StartTsunami(tick, reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle(), name, duration),
            Tag.RaiseSea => new RaiseSea(tick, reader.ReadVector2(), reader.ReadSingle(), reader.ReadSingle(), name),
            Tag.IgniteFire => new IgniteFire(tick, reader.ReadVector2(), reader.ReadSingle(), name, duration),
            Tag.StartTornado => new StartTornado(tick, reader.ReadVector2(), reader.ReadVector2(), reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle(), name, duration),
            _ => throw new InvalidDataException($"Unknown input tag {(byte)tag}."),
        };
    }

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

    private static void BeginHazard(BinaryWriter writer, Tag tag, StartHazard hazard)
    {
        Begin(writer, tag, hazard);
        writer.WriteNullable(hazard.Name);
        writer.Write(hazard.DurationSeconds);
    }
}
