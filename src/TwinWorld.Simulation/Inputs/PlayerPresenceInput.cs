using Google.Protobuf;
using TwinWorld.Protocol.Commands;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Simulation.Inputs;

/// <summary>
/// The server's own input about a player (inputs.proto's PlayerPresence: its avatar arrives, its camera is added, it
/// leaves) at a tick, with the player as its sender. Completed with its declared defaults, so a recording holds what ran.
/// </summary>
public sealed record PlayerPresenceInput : PlayerMessageInput
{
    public PlayerPresenceInput(long tick, long clientId, PlayerPresence presence) : base(tick, new InputSender(clientId, 0))
        => Presence = CommandRules.Completed(presence);

    public PlayerPresence Presence { get; }

    protected override IMessage Message => Presence;

    private protected override string? Handle(Simulator simulation, long clientId) => Presence.KindCase switch
    {
        PlayerPresence.KindOneofCase.Avatar => AvatarArrival.Apply(simulation, clientId, Presence.Avatar),
        PlayerPresence.KindOneofCase.Camera => PlayerCameraArrival.Apply(simulation, clientId, Presence.Camera),
        PlayerPresence.KindOneofCase.Leave => AvatarDeparture.Apply(simulation, clientId),
        _ => "the presence is empty",
    };

    /// <summary>A player's avatar arrives at a point, of a kind (empty: civilian).</summary>
    public static PlayerPresenceInput Avatar(long tick, long clientId, System.Numerics.Vector2 at, string kind = "")
        => new(tick, clientId, new PlayerPresence { Avatar = new SpawnAvatar { At = Point.Of(at), Kind = kind } });

    /// <summary>A player's own camera, named for it, with the declared lens.</summary>
    public static PlayerPresenceInput Camera(long tick, long clientId, string name)
        => new(tick, clientId, new PlayerPresence { Camera = new AddPlayerCamera { Name = name } });

    /// <summary>A player leaves: its avatar and camera go.</summary>
    public static PlayerPresenceInput Leave(long tick, long clientId) => new(tick, clientId, new PlayerPresence { Leave = new RemoveAvatar() });
}
