using TwinWorld.Protocol.Commands;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Simulation.Inputs;

/// <summary>
/// The server's own input about a player (inputs.proto's PlayerPresence: its avatar arrives, its camera is added, it
/// leaves) at a tick, with the player as its sender. Completed with its declared defaults, so a recording holds what ran.
/// </summary>
public sealed record PlayerPresenceInput : SimulationInput
{
    public PlayerPresenceInput(long tick, long clientId, PlayerPresence presence) : base(tick)
    {
        Presence = CommandRules.Completed(presence);
        From = new InputSender(clientId, 0);
    }

    public PlayerPresence Presence { get; }

    /// <summary>The message name ("SpawnAvatar").</summary>
    public override string InputName => CommandRules.Chosen(Presence)?.Descriptor.Name ?? "EmptyPlayerPresence";

    internal override string? ApplyTo(Simulator simulation)
    {
        if (CommandRules.Problems(Presence) is { Count: > 0 } problems)
        {
            return string.Join("; ", problems);
        }
        long client = From!.Value.ClientId;
        return Presence.KindCase switch
        {
            PlayerPresence.KindOneofCase.Avatar => AvatarArrival.Apply(simulation, client, Presence.Avatar),
            PlayerPresence.KindOneofCase.Camera => PlayerCameraArrival.Apply(simulation, client, Presence.Camera),
            PlayerPresence.KindOneofCase.Leave => AvatarDeparture.Apply(simulation, client),
            _ => "the presence is empty",
        };
    }

    /// <summary>A player's avatar arrives at a point, of a kind (empty: civilian).</summary>
    public static PlayerPresenceInput Avatar(long tick, long clientId, System.Numerics.Vector2 at, string kind = "")
        => new(tick, clientId, new PlayerPresence { Avatar = new SpawnAvatar { At = Point.Of(at), Kind = kind } });

    /// <summary>A player's own camera, named for it, with the declared lens.</summary>
    public static PlayerPresenceInput Camera(long tick, long clientId, string name)
        => new(tick, clientId, new PlayerPresence { Camera = new AddPlayerCamera { Name = name } });

    /// <summary>A player leaves: its avatar and camera go.</summary>
    public static PlayerPresenceInput Leave(long tick, long clientId) => new(tick, clientId, new PlayerPresence { Leave = new RemoveAvatar() });

    public override string ToString() => $"{InputName} for client {From?.ClientId} at tick {Tick}: {Presence}";
}
