using TwinWorld.Simulation.Agents;
using SpawnAvatar = TwinWorld.Protocol.V1.SpawnAvatar;

namespace TwinWorld.Simulation.Inputs;

/// <summary>Creates a player's avatar where the server put it; a client has at most one.</summary>
internal static class AvatarArrival
{
    public static string? Apply(Simulator simulation, long clientId, SpawnAvatar avatar)
    {
        var at = avatar.At.ToVector2();
        if (simulation.Site.Terrain.IndexAt(at) < 0)
        {
            return $"the avatar's place {at} is not on the site";
        }
        AgentKind kind = AgentKind.Civilian;
        if (avatar.Kind.Length > 0)
        {
            if (simulation.Profiles.Find(avatar.Kind) is not { } found)
            {
                return $"there is no agent kind '{avatar.Kind}'";
            }
            kind = found;
        }
        if (PlayerAvatar.Find(simulation, clientId) is not null)
        {
            return $"client {clientId} already has an avatar";
        }
        simulation.SpawnAvatar(clientId, at, kind);
        return null;
    }
}
