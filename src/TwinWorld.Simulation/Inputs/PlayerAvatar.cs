using TwinWorld.Ecs;
using TwinWorld.Simulation.Agents;

namespace TwinWorld.Simulation.Inputs;

/// <summary>Finds a player's avatar: the agent its <see cref="PlayerControl"/> names the client in.</summary>
internal static class PlayerAvatar
{
    private static readonly QueryDescription Avatars = new QueryDescription().WithAll<PlayerControl>();

    public static Entity? Find(Simulator simulation, long clientId) => ClientEntity.Find<PlayerControl>(simulation, Avatars, clientId, control => control.ClientId);
}
